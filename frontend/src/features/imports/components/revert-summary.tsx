import type { ImportJobFieldsFragment } from '@/gql/graphql';
import { formatNumber } from '@/lib/format';
import { RevertConflicts } from '@/features/imports/components/revert-conflicts';

/** A revert's counts and, once there are some, the products it kept as they were. */
export function RevertSummary({ job }: { job: ImportJobFieldsFragment }) {
  return (
    <>
      {job.reverts && (
        <p>
          Reverts the import of{' '}
          <a className="mono" href={`/import?job=${encodeURIComponent(job.reverts.id)}`}>
            {job.reverts.fileName}
          </a>
          .
        </p>
      )}
      <dl className="stats" aria-label="Revert counts">
        <div className="stat">
          <dt>Deleted</dt>
          <dd>{formatNumber(job.deletedCount)}</dd>
        </div>
        <div className="stat">
          <dt>Restored</dt>
          <dd>{formatNumber(job.restoredCount)}</dd>
        </div>
        <div className="stat">
          <dt>Conflicts (kept as they are)</dt>
          <dd>{formatNumber(job.conflictCount)}</dd>
        </div>
      </dl>
      {job.conflictCount > 0 && (
        <>
          <p>
            <a href={`/imports/${encodeURIComponent(job.id)}/conflicts.csv`} download>
              Download the conflicts (CSV)
            </a>{' '}
            <span className="muted">with each product’s current values and the earlier ones.</span>
          </p>
          <RevertConflicts revertId={job.id} conflictCount={job.conflictCount} />
        </>
      )}
    </>
  );
}
