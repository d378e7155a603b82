import { LongText } from '@/components/ui/long-text';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { describeError } from '@/lib/error-message';
import { formatNumber } from '@/lib/format';
import { useRevertConflicts } from '@/features/imports/api/get-revert-conflicts';

const CONFLICT_COLUMNS: readonly DataColumn[] = [
  { header: 'Line', className: 'num' },
  { header: 'SKU' },
  { header: 'Why' },
];

export const CONFLICTS_PAGE_SIZE = 25;

const REASON_LABELS: Record<string, string> = {
  DELETED: 'Deleted since',
  EDITED: 'Edited since',
  REIMPORTED: 'Written by a later import',
};

/** The products a revert kept as they were, with the reason, a page at a time. */
export function RevertConflicts({ revertId, conflictCount }: { revertId: string; conflictCount: number }) {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const [{ data, error, fetching }, refetch] = useRevertConflicts(revertId, CONFLICTS_PAGE_SIZE, after);
  // More conflicts while the revert runs: fetch the page again.
  useEffect(() => {
    refetch({ requestPolicy: 'network-only' });
  }, [conflictCount, refetch]);
  const connection = data?.importJob?.conflicts;
  if (!connection) {
    return error && !fetching ? (
      <ErrorState message={describeError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    ) : (
      <LoadingState label="Loading the conflicts…" />
    );
  }
  const start = (cursors.length - 1) * CONFLICTS_PAGE_SIZE;
  return (
    <section aria-labelledby="conflicts-title">
      <h3 id="conflicts-title">Conflicts: kept as they are ({formatNumber(connection.totalCount ?? 0)})</h3>
      <p className="muted">These products were written again after the import, so the revert left them alone.</p>
      <DataTable label="Conflicts" columns={CONFLICT_COLUMNS}>
        <tbody>
          {connection.edges.map(({ node }) => (
            <tr key={node.id}>
              <td className="num">{node.change.line}</td>
              <td className="mono">
                <LongText text={node.change.sku} />
              </td>
              <td>
                <strong>{REASON_LABELS[node.reason] ?? node.reason}.</strong> {node.message}
                {node.laterImportId && (
                  <>
                    {' '}
                    <a href={`/import?job=${encodeURIComponent(node.laterImportId)}`}>See that import</a>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {connection.totalCount! > CONFLICTS_PAGE_SIZE && (
        <div className="pager">
          <span className="muted">
            {formatNumber(start + 1)}–{formatNumber(start + connection.edges.length)} of{' '}
            {formatNumber(connection.totalCount ?? 0)}
          </span>
          <Button size="sm" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
            Previous conflicts
          </Button>
          <Button
            size="sm"
            disabled={!connection.pageInfo.hasNextPage}
            onClick={() => setCursors((c) => [...c, connection.pageInfo.endCursor ?? null])}
          >
            Next conflicts
          </Button>
        </div>
      )}
    </section>
  );
}
