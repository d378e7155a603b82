import { useEffect, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { PageHeader } from '@/components/layouts/page-header';
import { Button } from '@/components/ui/button';
import { actionsColumn, DataTable, type DataColumn } from '@/components/ui/data-table';
import { Notice } from '@/components/ui/notice';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { StatusBadge } from '@/components/ui/status-badge';
import type { FeedFieldsFragment } from '@/gql/graphql';
import { describeError } from '@/lib/error-message';
import { formatDateTime } from '@/lib/format';
import { problemText } from '@/lib/operation-info';
import { useCan } from '@/lib/permissions';
import { useFeeds } from '@/features/feeds/api/get-feeds';
import { useRunFeed } from '@/features/feeds/api/run-feed';
import { RUN_POLL_MS, runInProgress, runWords } from '@/features/feeds/lib/feed-words';

const columns: DataColumn[] = [
  { header: 'Name' },
  { header: 'Source' },
  { header: 'Schedule' },
  { header: 'Last run' },
  { header: 'Next run' },
  { header: 'Status' },
  actionsColumn(),
];

function FeedRow({
  feed,
  canRun,
  onRun,
  starting,
}: {
  feed: FeedFieldsFragment;
  canRun: boolean;
  onRun: () => void;
  starting: boolean;
}) {
  const last = feed.lastRun;
  const words = last ? runWords(last) : null;
  return (
    <tr className={feed.enabled ? undefined : 'is-disabled'}>
      <td className="card-title">
        <Link to={`/feeds/${encodeURIComponent(feed.id)}`}>{feed.name}</Link>
      </td>
      <td className="mono cell-clip" data-label="Source" title={feed.url}>
        {feed.url}
      </td>
      <td data-label="Schedule">{feed.scheduleDescription}</td>
      <td data-label="Last run">
        {last && words ? (
          <>
            <StatusBadge label={words.label} tone={words.tone} />{' '}
            <span className="muted">{formatDateTime(last.startedAt)}</span>
          </>
        ) : (
          <span className="muted">Never</span>
        )}
      </td>
      <td data-label="Next run">
        {feed.enabled && feed.nextRunAt ? formatDateTime(feed.nextRunAt) : <span className="muted">—</span>}
      </td>
      <td data-label="Status">
        {feed.enabled ? (
          <StatusBadge label="Enabled" tone="success" />
        ) : (
          <StatusBadge label="Disabled" tone="warning" />
        )}
        {feed.consecutiveFailures > 0 && <span className="muted"> · {feed.consecutiveFailures} failed in a row</span>}
      </td>
      <td className="actions">
        {canRun && (
          <Button size="sm" onClick={onRun} busy={starting} aria-label={`Run now: ${feed.name}`}>
            Run now
          </Button>
        )}
      </td>
    </tr>
  );
}

/** Every feed: its source, schedule, last and next run, and whether it runs. */
export default function FeedsPage() {
  const [{ data, error, fetching }, refetch] = useFeeds();
  const canCreate = useCan('createFeed');
  const canRun = useCan('runFeed');
  const location = useLocation();
  const deleted = (location.state as { deleted?: string } | null)?.deleted;
  const [notice, setNotice] = useState<string | null>(deleted ? `Deleted feed ${deleted}.` : null);
  const [problem, setProblem] = useState<string | null>(null);
  const [startingId, setStartingId] = useState<string | null>(null);
  const [, runFeed] = useRunFeed();
  const feeds = data?.feeds.edges.map((e) => e.node);
  const refresh = () => refetch({ requestPolicy: 'network-only' });

  const running = feeds?.some((feed) => runInProgress(feed.lastRun)) ?? false;
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => refetch({ requestPolicy: 'network-only' }), RUN_POLL_MS);
    return () => window.clearInterval(timer);
  }, [running, refetch]);

  async function run(feed: FeedFieldsFragment) {
    setNotice(null);
    setProblem(null);
    setStartingId(feed.id);
    const result = await runFeed({ id: feed.id });
    setStartingId(null);
    if (result.error) return setProblem(describeError(result.error));
    const payload = result.data?.runFeed;
    if (payload?.__typename === 'OperationInfo') return setProblem(problemText(payload));
    setNotice(`Started a run of ${feed.name}.`);
    refresh();
  }

  return (
    <section>
      <PageHeader
        title="Feeds"
        description="Catalogues fetched from an HTTPS or SFTP source on a schedule; each run that finds a new file is a normal import."
        actions={
          canCreate ? (
            <Link className="btn btn-primary" to="/feeds/new">
              Add feed
            </Link>
          ) : (
            <span className="muted">Editors and admins add and change feeds.</span>
          )
        }
      />
      {notice && <Notice tone="success">{notice}</Notice>}
      {problem && <Notice tone="error">{problem}</Notice>}
      {error && !fetching && !feeds ? (
        <ErrorState message={describeError(error)} onRetry={refresh} />
      ) : !feeds ? (
        <LoadingState label="Loading feeds…" />
      ) : feeds.length === 0 ? (
        <EmptyState title="No feeds yet.">
          <p>Add one to import a supplier’s or an ERP’s catalogue from its URL, daily or hourly.</p>
        </EmptyState>
      ) : (
        <DataTable label="Feeds" columns={columns} cards>
          <tbody>
            {feeds.map((feed) => (
              <FeedRow
                key={feed.id}
                feed={feed}
                canRun={canRun}
                onRun={() => void run(feed)}
                starting={startingId === feed.id}
              />
            ))}
          </tbody>
        </DataTable>
      )}
    </section>
  );
}
