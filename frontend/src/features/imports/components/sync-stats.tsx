import type { ImportJobFieldsFragment } from '@/gql/graphql';
import { formatNumber } from '@/lib/format';

type Counts = Pick<
  ImportJobFieldsFragment,
  'dryRun' | 'mode' | 'missing' | 'skippedCount' | 'deactivatedCount' | 'deletedCount' | 'removalHeld'
>;

/** The counts a sync adds to the job panel's stats (inside its `<dl>`). */
export function SyncStats({ job }: { job: Counts }) {
  const dry = job.dryRun;
  return (
    <>
      {job.mode !== 'UPSERT' && (
        <div
          className="stat"
          title={
            job.mode === 'UPDATE_ONLY'
              ? 'Rows for SKUs not in the catalogue (update only).'
              : 'Rows for SKUs already in the catalogue (create only).'
          }
        >
          <dt>{dry ? 'Would be left alone' : 'Left alone by the mode'}</dt>
          <dd>{formatNumber(job.skippedCount)}</dd>
        </div>
      )}
      {job.missing === 'DEACTIVATE' && (
        <div className="stat">
          <dt>{dry ? 'Would be deactivated' : 'Deactivated (not in the file)'}</dt>
          <dd>{formatNumber(job.deactivatedCount)}</dd>
        </div>
      )}
      {job.missing === 'DELETE' && (
        <div className="stat">
          <dt>{dry ? 'Would be deleted' : 'Deleted (not in the file)'}</dt>
          <dd>{formatNumber(job.deletedCount)}</dd>
        </div>
      )}
    </>
  );
}

/** A sentence on what a finished sync skipped and removed (empty when nothing). */
export function syncSummary(job: Counts): string {
  const parts: string[] = [];
  const would = job.dryRun ? 'would be ' : '';
  if (job.skippedCount) parts.push(`${formatNumber(job.skippedCount)} rows ${would}left alone by the mode`);
  if (job.deactivatedCount)
    parts.push(`${formatNumber(job.deactivatedCount)} products not in the file ${would}deactivated`);
  if (job.missing === 'DELETE' && job.deletedCount)
    parts.push(`${formatNumber(job.deletedCount)} products not in the file ${would}deleted`);
  let text = parts.length ? ` ${parts.join('; ')}.` : '';
  if (job.dryRun && job.removalHeld)
    text += ' The removal would wait for your confirmation (it is more than you allowed without asking).';
  return text;
}
