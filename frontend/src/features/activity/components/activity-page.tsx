import { useState } from 'react';
import { PageHeader } from '@/components/layouts/page-header';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { TextField } from '@/components/ui/text-field';
import { describeError } from '@/lib/error-message';
import { formatDateTime, plural } from '@/lib/format';
import { useActivity, useActivityPeople, type ActivityFilters } from '@/features/activity/api/get-activity';

const PAGE = 50;
const KINDS = [
  { value: '', label: 'Everything' },
  { value: 'auth.', label: 'Sign-ins' },
  { value: 'person.', label: 'People' },
  { value: 'token.', label: 'API tokens' },
  { value: 'product.', label: 'Products (by hand)' },
  { value: 'products.deleted', label: 'Delete many' },
  { value: 'products.deleted_all', label: 'Delete all' },
  { value: 'import.', label: 'Imports' },
  { value: 'export.', label: 'Exports' },
  { value: 'webhook.', label: 'Webhooks' },
];

function csvLink(filters: ActivityFilters): string {
  const params = new URLSearchParams();
  if (filters.kind) params.set('kind', filters.kind);
  if (filters.userId) params.set('user', filters.userId);
  if (filters.since) params.set('since', new Date(`${filters.since}T00:00:00`).toISOString());
  if (filters.until) params.set('until', new Date(`${filters.until}T23:59:59`).toISOString());
  const query = params.toString();
  return `/activity.csv${query ? `?${query}` : ''}`;
}

/** Admins read who did what, filter it, and download it as CSV. */
export default function ActivityPage() {
  const [filters, setFilters] = useState<ActivityFilters>({ kind: '', userId: '', since: '', until: '' });
  const [shown, setShown] = useState(PAGE);
  const [{ data, error, fetching }, refetch] = useActivity(filters, shown);
  const [{ data: people }] = useActivityPeople();
  const set = (patch: Partial<ActivityFilters>) => {
    setShown(PAGE);
    setFilters((current) => ({ ...current, ...patch }));
  };
  const entries = data?.activityEntries.edges.map((edge) => edge.node) ?? [];
  const personOptions = [
    { value: '', label: 'Anyone' },
    ...(people?.people.edges.map(({ node }) => ({ value: node.id, label: node.username })) ?? []),
  ];

  return (
    <section>
      <PageHeader
        title="Activity"
        description={
          data
            ? `${plural(data.activityEntries.totalCount, 'entry', 'entries')}, newest first`
            : 'Who did what, and when.'
        }
        actions={
          <a className="btn" href={csvLink(filters)} download>
            Download CSV
          </a>
        }
      />
      <div className="form-grid" role="search" aria-label="Filter the activity log">
        <SelectField
          label="Person"
          value={filters.userId}
          options={personOptions}
          onChange={(e) => set({ userId: e.target.value })}
        />
        <SelectField
          label="Kind"
          value={filters.kind}
          options={KINDS}
          onChange={(e) => set({ kind: e.target.value })}
        />
        <TextField label="From" type="date" value={filters.since} onChange={(e) => set({ since: e.target.value })} />
        <TextField label="Until" type="date" value={filters.until} onChange={(e) => set({ until: e.target.value })} />
      </div>
      {error && !fetching ? (
        <ErrorState message={describeError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      ) : !data ? (
        <LoadingState label="Loading the activity log…" />
      ) : entries.length === 0 ? (
        <EmptyState title="Nothing recorded matches these filters." />
      ) : (
        <div className="table-wrap">
          <table aria-label="Activity" className="table-cards">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">On</th>
                <th scope="col">From</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <tr key={entry.id}>
                  <td data-label="When">{formatDateTime(entry.at)}</td>
                  <td data-label="Who">
                    {entry.actor}
                    {entry.tokenLabel && <span className="muted"> via token {entry.tokenLabel}</span>}
                  </td>
                  <td data-label="What">
                    <code>{entry.kind}</code>
                  </td>
                  <td data-label="On">{entry.targetLabel ? `${entry.targetType} ${entry.targetLabel}` : ''}</td>
                  <td data-label="From" title={`Request ${entry.requestId}`}>
                    {entry.ip ?? ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data?.activityEntries.pageInfo.hasNextPage && (
        <Button onClick={() => setShown((n) => n + PAGE)} busy={fetching}>
          Load more
        </Button>
      )}
    </section>
  );
}
