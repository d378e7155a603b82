import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { actionsColumn, DataTable, type DataColumn } from '@/components/ui/data-table';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { StatusBadge } from '@/components/ui/status-badge';
import type { ImportJobFieldsFragment } from '@/gql/graphql';
import { describeError } from '@/lib/error-message';
import { formatBytes, formatDateTime, formatDuration, formatNumber, plural } from '@/lib/format';
import { useImportJobs } from '@/features/imports/api/get-import-jobs';
import { elapsedMs, importStatusWords, isFinished } from '@/features/imports/lib/import-status';
import { originNote } from '@/features/imports/lib/job-title';

export const HISTORY_PAGE_SIZE = 20;
/** How often the list is asked again while one of its imports waits or runs. */
export const HISTORY_POLL_MS = 2000;

export interface ImportHistoryProps {
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** Changes whenever the shown job changes status, so the list is fetched again. */
  refreshKey: string;
  /** The newest snapshot of the job shown above (pushed live): its row shows the same numbers. */
  live?: ImportJobFieldsFragment | null;
  /** Opens the column check of a staged import ("Continue checking"). */
  onContinue?: (id: string) => void;
}

/** The later of the listed row and the live snapshot of the same job (numbers only grow). */
function freshest(
  listed: ImportJobFieldsFragment,
  live: ImportJobFieldsFragment | null | undefined,
): ImportJobFieldsFragment {
  if (!live || live.id !== listed.id) return listed;
  if (isFinished(listed.status) && !isFinished(live.status)) return listed;
  return live.rowsProcessed >= listed.rowsProcessed || isFinished(live.status) ? live : listed;
}

/** A revert's own numbers, in words (its file size, rows and import counts mean nothing). */
export function revertNumbers(job: Pick<ImportJobFieldsFragment, 'deletedCount' | 'restoredCount' | 'conflictCount'>) {
  return [
    `${formatNumber(job.deletedCount)} deleted`,
    `${formatNumber(job.restoredCount)} restored`,
    plural(job.conflictCount, 'conflict'),
  ].join(' · ');
}

function HistoryRow({
  job,
  selected,
  onSelect,
  onContinue,
}: {
  job: ImportJobFieldsFragment;
  selected: boolean;
  onSelect: (id: string) => void;
  onContinue?: (id: string) => void;
}) {
  const words = importStatusWords(job.status);
  const pending = job.status === 'PENDING';
  const staged = job.status === 'STAGED';
  const note = originNote(job);
  return (
    <tr aria-current={selected || undefined}>
      <td className="cell-clip mono card-title" title={job.fileName}>
        {job.fileName}
        {job.dryRun && <span className="muted"> (dry run)</span>}
        {note && <span className="muted"> ({note})</span>}
      </td>
      <td>
        <StatusBadge label={words.label} tone={words.tone} />
      </td>
      {pending || staged ? (
        <td colSpan={7} className="muted card-wide">
          {staged
            ? 'Uploaded; nothing imported until its columns are checked and it is started'
            : 'Waiting for earlier imports'}
        </td>
      ) : job.kind === 'REVERT' ? (
        <td colSpan={7} className="card-wide" data-label="Revert">
          {revertNumbers(job)}
        </td>
      ) : (
        <>
          <td className="num hide-narrow">{formatBytes(job.fileSize)}</td>
          <td className="num" data-label="Rows">
            {formatNumber(job.rowsProcessed)}
          </td>
          <td className="num" data-label={job.dryRun ? 'Would create' : 'Created'}>
            {formatNumber(job.createdCount)}
          </td>
          <td className="num" data-label={job.dryRun ? 'Would update' : 'Updated'}>
            {formatNumber(job.updatedCount)}
          </td>
          <td className="num hide-narrow">{formatNumber(job.unchangedCount)}</td>
          <td className="num hide-narrow">{formatNumber(job.replacedCount)}</td>
          <td className="num" data-label="Errors">
            {formatNumber(job.errorCount)}
          </td>
        </>
      )}
      <td className="cell-clip" data-label="Submitted" title={formatDateTime(job.createdAt)}>
        {formatDateTime(job.createdAt)}
      </td>
      <td className="cell-clip hide-narrow">{job.finishedAt ? formatDuration(elapsedMs(job, Date.now())) : '—'}</td>
      <td className="actions">
        {staged && onContinue ? (
          <Button
            size="sm"
            onClick={() => onContinue(job.id)}
            aria-label={`Continue checking ${job.fileName} from ${formatDateTime(job.createdAt)}`}
          >
            Continue checking
          </Button>
        ) : (
          <Button
            size="sm"
            onClick={() => onSelect(job.id)}
            disabled={selected}
            aria-label={`View import of ${job.fileName} from ${formatDateTime(job.createdAt)}`}
          >
            View
          </Button>
        )}
      </td>
    </tr>
  );
}

// Fixed widths that fit 1280 px: dates stay on one line and "View" stays in view; the file
// name takes what is left and shows in full on hover.
const HISTORY_COLUMNS: readonly DataColumn[] = [
  { header: 'File' },
  { header: 'Status', width: '7rem' },
  { header: 'Size', className: 'num hide-narrow', width: '5rem' },
  { header: 'Rows', className: 'num', width: '4.5rem' },
  { header: 'Created', className: 'num', width: '4.75rem' },
  { header: 'Updated', className: 'num', width: '4.75rem' },
  { header: 'Unchanged', className: 'num hide-narrow', width: '6rem' },
  {
    header: 'Replaced',
    className: 'num hide-narrow',
    title: 'Rows replaced by a later row for the same SKU',
    width: '5.5rem',
  },
  { header: 'Errors', className: 'num', width: '4rem' },
  { header: 'Submitted', width: '11.5rem' },
  { header: 'Took', className: 'hide-narrow', width: '4.5rem' },
  actionsColumn('4.75rem'),
];

/** Earlier imports, newest first, with "Show more". */
export function ImportHistory({ selectedId, onSelect, refreshKey, live, onContinue }: ImportHistoryProps) {
  const [pages, setPages] = useState<(string | null)[]>([null]);
  /** Where the next page starts, once the last page shown says there is one. */
  const [next, setNext] = useState<string | null>(null);
  const more = () => {
    if (!next) return;
    setPages((p) => [...p, next]);
    setNext(null);
  };
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">History</h2>
      <DataTable
        label="Import history"
        columns={HISTORY_COLUMNS}
        cards
        className="history-table"
        onMore={next ? more : undefined}
      >
        {pages.map((after, index) => (
          <HistoryPage
            key={after ?? 'first'}
            after={after}
            refreshKey={refreshKey}
            live={live}
            selectedId={selectedId}
            onSelect={onSelect}
            onContinue={onContinue}
            onNext={index === pages.length - 1 ? setNext : undefined}
          />
        ))}
      </DataTable>
    </section>
  );
}

interface HistoryPageProps {
  after: string | null;
  refreshKey: string;
  live?: ImportJobFieldsFragment | null;
  selectedId: string | null;
  onSelect: (id: string) => void;
  onContinue?: (id: string) => void;
  /** Given to the last page: told where the page after it starts (null: none). */
  onNext?: (cursor: string | null) => void;
}

function HistoryPage({ after, refreshKey, live, selectedId, onSelect, onContinue, onNext }: HistoryPageProps) {
  const [{ data, error, fetching }, refetch] = useImportJobs(HISTORY_PAGE_SIZE, after);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    refetch({ requestPolicy: 'network-only' });
  }, [refreshKey, refetch]);
  const connection = data?.importJobs;
  const colSpan = HISTORY_COLUMNS.length;
  const nextCursor = connection?.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
  useEffect(() => {
    onNext?.(nextCursor ?? null);
  }, [onNext, nextCursor]);
  // While one of these imports waits or runs, its row stays live (not only the panel above).
  const unfinished = Boolean(
    connection?.edges.some(({ node }) => !isFinished(node.status) && node.status !== 'STAGED'),
  );
  useEffect(() => {
    if (!unfinished) return;
    const timer = window.setInterval(() => refetch({ requestPolicy: 'network-only' }), HISTORY_POLL_MS);
    return () => window.clearInterval(timer);
  }, [unfinished, refetch]);
  if (!connection) {
    return (
      <tbody>
        <tr>
          <td colSpan={colSpan}>
            {error && !fetching ? (
              <ErrorState message={describeError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
            ) : (
              <LoadingState label="Loading imports…" />
            )}
          </td>
        </tr>
      </tbody>
    );
  }
  if (connection.edges.length === 0 && after === null) {
    return (
      <tbody>
        <tr>
          <td colSpan={colSpan}>
            <EmptyState title="No imports yet.">
              <p>Choose a CSV file above to import your first products.</p>
            </EmptyState>
          </td>
        </tr>
      </tbody>
    );
  }
  return (
    <tbody>
      {connection.edges.map(({ node }) => (
        <HistoryRow
          key={node.id}
          job={freshest(node, live)}
          selected={node.id === selectedId}
          onSelect={onSelect}
          onContinue={onContinue}
        />
      ))}
    </tbody>
  );
}
