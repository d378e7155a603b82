import { Link } from 'react-router';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/states';
import { StatusBadge } from '@/components/ui/status-badge';
import type { FeedRunFieldsFragment } from '@/gql/graphql';
import { formatBytes, formatDateTime, formatNumber } from '@/lib/format';
import { runWords, triggerWords } from '@/features/feeds/lib/feed-words';

const columns: DataColumn[] = [
  { header: 'Started' },
  { header: 'How' },
  { header: 'Outcome' },
  { header: 'Fetched', className: 'num' },
  { header: 'Import' },
  { header: 'Message' },
];

/** The import job a run started, linked to its page on the import screen. */
export function RunImportLink({ run }: { run: FeedRunFieldsFragment }) {
  if (!run.job) return <span className="muted">—</span>;
  const job = run.job;
  return (
    <span>
      <Link to={`/import?job=${encodeURIComponent(job.id)}`}>{job.fileName}</Link>
      <span className="muted">
        {' '}
        · {formatNumber(job.createdCount)} created, {formatNumber(job.updatedCount)} updated
        {job.errorCount > 0 && `, ${formatNumber(job.errorCount)} bad rows`}
      </span>
    </span>
  );
}

/** A feed's runs, newest first: when, how it was started, what came of it, and its import. */
export function FeedRuns({ runs, total }: { runs: readonly FeedRunFieldsFragment[]; total: number | null }) {
  if (runs.length === 0) {
    return (
      <EmptyState title="No runs yet.">
        <p>Run it now, or wait for its schedule.</p>
      </EmptyState>
    );
  }
  return (
    <>
      <DataTable label="Runs" columns={columns} cards>
        <tbody>
          {runs.map((run) => {
            const words = runWords(run);
            return (
              <tr key={run.id}>
                <td data-label="Started">{formatDateTime(run.startedAt, true)}</td>
                <td data-label="How">{triggerWords(run.trigger)}</td>
                <td data-label="Outcome">
                  <StatusBadge label={words.label} tone={words.tone} />
                </td>
                <td className="num" data-label="Fetched">
                  {run.fetchedBytes == null ? '—' : formatBytes(run.fetchedBytes)}
                </td>
                <td data-label="Import">
                  <RunImportLink run={run} />
                </td>
                <td data-label="Message">{run.message || <span className="muted">—</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </DataTable>
      {total != null && total > runs.length && (
        <p className="muted">
          The latest {runs.length} of {formatNumber(total)} runs.
        </p>
      )}
    </>
  );
}
