import { LongText } from '@/components/ui/long-text';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { DataTable, type DataColumn } from '@/components/ui/data-table';
import { SelectField } from '@/components/ui/select-field';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { ImportChangeKind, type ImportChangesQuery } from '@/gql/graphql';
import { describeError } from '@/lib/error-message';
import { formatNumber, plural } from '@/lib/format';
import { useImportChanges } from '@/features/imports/api/get-import-changes';
import { changeKindWords } from '@/features/imports/lib/change-kind';

const CHANGE_COLUMNS: readonly DataColumn[] = [
  { header: 'Line', className: 'num' },
  { header: 'Change' },
  { header: 'SKU' },
  { header: 'Before → after' },
];

export const CHANGES_PAGE_SIZE = 25;

type Change = NonNullable<ImportChangesQuery['importJob']>['changes']['edges'][number]['node'];
type Values = NonNullable<Change['before']>;

const FIELDS = ['sku', 'name', 'description', 'active'] as const;
const FIELD_LABELS: Record<(typeof FIELDS)[number], string> = {
  sku: 'SKU',
  name: 'Name',
  description: 'Description',
  active: 'Active',
};

/** The download URL of the whole change log (served by Django, session-authenticated). */
export function changesCsvUrl(jobId: string): string {
  return `/imports/${encodeURIComponent(jobId)}/changes.csv`;
}

function show(value: Values[(typeof FIELDS)[number]] | undefined): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'boolean') return value ? 'active' : 'inactive';
  return value === '' ? '(empty)' : value;
}

/** One change: each field before -> after, the changed ones marked. */
function ChangeValues({ change }: { change: Change }) {
  const changed = new Set(change.changedFields);
  return (
    <ul className="change-values">
      {FIELDS.map((field) => {
        const isChanged = changed.has(field);
        if (change.kind === ImportChangeKind.Updated && !isChanged) return null;
        return (
          <li key={field} className={isChanged ? 'changed' : undefined}>
            <span className="muted">{FIELD_LABELS[field]}: </span>
            {change.before && (
              <>
                <del>{show(change.before[field])}</del> <span aria-label="becomes">→</span>{' '}
              </>
            )}
            <ins>{show(change.after[field])}</ins>
            {isChanged && change.kind === ImportChangeKind.Updated && (
              <span className="visually-hidden"> (changed)</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

/** What an import created and updated (a dry run: would), by kind, a page at a time. */
export function ImportChanges({ jobId, dryRun }: { jobId: string; dryRun: boolean }) {
  const [kind, setKind] = useState<ImportChangeKind | null>(null);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const after = cursors[cursors.length - 1];
  const [{ data, error, fetching }, refetch] = useImportChanges(jobId, CHANGES_PAGE_SIZE, after, kind);
  const connection = data?.importJob?.changes;
  const start = (cursors.length - 1) * CHANGES_PAGE_SIZE;

  return (
    <section aria-labelledby="changes-title">
      <div className="section-title">
        <h3 id="changes-title">{dryRun ? 'Changes this import would make' : 'Changes'}</h3>
        <a href={changesCsvUrl(jobId)} download>
          Download changes.csv
        </a>
      </div>
      <div className="filters">
        <SelectField
          label="Show"
          value={kind ?? 'ALL'}
          onChange={(e) => {
            setKind(e.target.value === 'ALL' ? null : (e.target.value as ImportChangeKind));
            setCursors([null]);
          }}
          options={[
            { value: 'ALL', label: 'Created and updated' },
            { value: ImportChangeKind.Created, label: 'Created only' },
            { value: ImportChangeKind.Updated, label: 'Updated only' },
            { value: ImportChangeKind.Deactivated, label: 'Deactivated only' },
            { value: ImportChangeKind.Deleted, label: 'Deleted only' },
          ]}
        />
      </div>
      {!connection ? (
        error && !fetching ? (
          <ErrorState message={describeError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
        ) : (
          <LoadingState label="Loading the changes…" />
        )
      ) : connection.totalCount === 0 ? (
        <p className="muted">
          No product{' '}
          {kind === ImportChangeKind.Created
            ? 'created'
            : kind === ImportChangeKind.Updated
              ? 'updated'
              : 'created or updated'}
          .
        </p>
      ) : (
        <>
          <p className="muted" aria-live="polite">
            {formatNumber(start + 1)}–{formatNumber(start + connection.edges.length)} of{' '}
            {plural(connection.totalCount ?? 0, 'change')}, in file order.
          </p>
          <DataTable label="Changes" columns={CHANGE_COLUMNS}>
            <tbody>
              {connection.edges.map(({ node }) => (
                <tr key={node.id}>
                  <td className="num">{node.line}</td>
                  <td>{changeKindWords(node.kind, dryRun)}</td>
                  <td className="mono">
                    <LongText text={node.sku} />
                  </td>
                  <td>
                    <ChangeValues change={node} />
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
          <div className="pager">
            <Button size="sm" disabled={cursors.length === 1} onClick={() => setCursors((c) => c.slice(0, -1))}>
              Previous changes
            </Button>
            <Button
              size="sm"
              disabled={!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor}
              onClick={() => setCursors((c) => [...c, connection.pageInfo.endCursor ?? null])}
            >
              Next changes
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
