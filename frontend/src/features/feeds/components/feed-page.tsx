import { Suspense, useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { PageHeader } from '@/components/layouts/page-header';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Notice } from '@/components/ui/notice';
import { ErrorState, LoadingState } from '@/components/ui/states';
import type { FeedFieldsFragment, ImportOptionsInput } from '@/gql/graphql';
import { describeError } from '@/lib/error-message';
import { problemText, splitMessages, type FieldErrors } from '@/lib/operation-info';
import { useCan, useRoleLabel } from '@/lib/permissions';
import { useCreateFeed } from '@/features/feeds/api/create-feed';
import { useDeleteFeed } from '@/features/feeds/api/delete-feed';
import { useFeed } from '@/features/feeds/api/get-feed';
import { useRunFeed } from '@/features/feeds/api/run-feed';
import { useTestFeedSource, type FeedSourceTest } from '@/features/feeds/api/test-feed-source';
import { useUpdateFeed } from '@/features/feeds/api/update-feed';
import type { CheckColumnsSlot } from '@/features/feeds/components/check-columns-slot';
import { FeedForm } from '@/features/feeds/components/feed-form';
import { FeedOptionsSummary } from '@/features/feeds/components/feed-options-summary';
import { FeedRuns } from '@/features/feeds/components/feed-runs';
import { FeedSourceTestResult } from '@/features/feeds/components/feed-source-test';
import {
  checkValues,
  FORM_FIELDS,
  initialValues,
  savedOptions,
  toFeedInput,
  type FeedFormValues,
} from '@/features/feeds/lib/feed-form';
import { RUN_POLL_MS, runInProgress } from '@/features/feeds/lib/feed-words';

const noErrors: FieldErrors = { byField: {}, general: [] };

export interface FeedPageProps {
  /** The import page's "Check columns" step (handed in by the app). */
  checkColumns: CheckColumnsSlot;
}

/**
 * One feed (`/feeds/:id`, or `/feeds/new`): its form, "Test source" with the "Check columns"
 * step on the fetched file, Run now, and its runs, each linking to the import it started.
 */
export default function FeedPage({ checkColumns: CheckColumnsStep }: FeedPageProps) {
  const params = useParams();
  const id = params.id && params.id !== 'new' ? params.id : null;
  const navigate = useNavigate();
  const location = useLocation();
  const created = (location.state as { created?: string } | null)?.created;
  const [{ data, error, fetching }, refetch] = useFeed(id);
  const feed = id ? (data?.feed ?? null) : null;
  const canEdit = useCan(id ? 'updateFeed' : 'createFeed');
  const canRun = useCan('runFeed');
  const canTest = useCan('testFeedSource');
  const canDelete = useCan('deleteFeed');
  const roleLabel = useRoleLabel();

  const [values, setValues] = useState<FeedFormValues>(() => initialValues(null));
  const [loadedFor, setLoadedFor] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>(noErrors);
  const [notice, setNotice] = useState<string | null>(created ? `Created feed ${created}.` : null);
  const [problem, setProblem] = useState<string | null>(null);
  const [test, setTest] = useState<FeedSourceTest | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [{ fetching: creating }, createFeed] = useCreateFeed();
  const [{ fetching: updating }, updateFeed] = useUpdateFeed();
  const [{ fetching: testing }, testFeedSource] = useTestFeedSource();
  const [{ fetching: starting }, runFeed] = useRunFeed();
  const [, deleteFeed] = useDeleteFeed();

  // The form starts from the feed once it has loaded (and again after each save).
  useEffect(() => {
    if (feed && loadedFor !== feed.id) {
      setValues(initialValues(feed));
      setLoadedFor(feed.id);
    }
  }, [feed, loadedFor]);

  // While a run fetches or its import runs, ask again until it settles.
  const running = runInProgress(feed?.lastRun);
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => refetch({ requestPolicy: 'network-only' }), RUN_POLL_MS);
    return () => window.clearInterval(timer);
  }, [running, refetch]);

  const refresh = () => refetch({ requestPolicy: 'network-only' });

  function answer(payload: { __typename: string; messages?: readonly { message: string; field: string | null }[] }) {
    if (payload.__typename === 'OperationInfo' && payload.messages) {
      setErrors(splitMessages(payload.messages, FORM_FIELDS));
      return false;
    }
    return true;
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setNotice(null);
    setProblem(null);
    const found = checkValues(values);
    if (Object.keys(found).length) {
      setErrors({ byField: found, general: [] });
      return;
    }
    setErrors(noErrors);
    const input = toFeedInput(values, feed);
    if (!feed) {
      const result = await createFeed({ input });
      if (result.error) return setErrors({ byField: {}, general: [describeError(result.error)] });
      const payload = result.data?.createFeed;
      if (!payload || !answer(payload) || payload.__typename !== 'Feed') return;
      // The page may stay mounted from /feeds/new to /feeds/:id: say it here too.
      setNotice(`Created feed ${payload.name}.`);
      navigate(`/feeds/${encodeURIComponent(payload.id)}`, { replace: true, state: { created: payload.name } });
      return;
    }
    const result = await updateFeed({ id: feed.id, input });
    if (result.error) return setErrors({ byField: {}, general: [describeError(result.error)] });
    const payload = result.data?.updateFeed;
    if (!payload || !answer(payload) || payload.__typename !== 'Feed') return;
    setValues(initialValues(payload));
    setNotice(`Saved feed ${payload.name}.`);
  }

  async function testSource() {
    setNotice(null);
    setProblem(null);
    setTest(null);
    const found = checkValues({ ...values, name: values.name || 'test' });
    if (found.url || found.username) {
      setErrors({ byField: found, general: [] });
      return;
    }
    setErrors(noErrors);
    const input = { ...toFeedInput(values, feed), options: values.options ?? savedOptions(feed) };
    const result = await testFeedSource({ input, feedId: feed?.id ?? null });
    if (result.error) return setErrors({ byField: {}, general: [describeError(result.error)] });
    const payload = result.data?.testFeedSource;
    if (!payload || !answer(payload) || payload.__typename !== 'FeedSourceTest') return;
    setTest(payload);
  }

  async function saveColumns(options: ImportOptionsInput) {
    if (!feed) {
      setValues({ ...values, options });
      setTest(null);
      setNotice('The columns and import choices are saved with the feed.');
      return;
    }
    const result = await updateFeed({ id: feed.id, input: { options } });
    if (result.error) return setProblem(describeError(result.error));
    const payload = result.data?.updateFeed;
    if (payload?.__typename === 'OperationInfo') return setProblem(problemText(payload));
    setTest(null);
    setNotice('Saved the columns and import choices: the next runs use them.');
  }

  async function runNow(target: FeedFieldsFragment) {
    setNotice(null);
    setProblem(null);
    const result = await runFeed({ id: target.id });
    if (result.error) return setProblem(describeError(result.error));
    const payload = result.data?.runFeed;
    if (payload?.__typename === 'OperationInfo') return setProblem(problemText(payload));
    setNotice('Run started: it fetches the source, and imports the file if it changed.');
    refresh();
  }

  if (id && !feed) {
    if (error && !fetching) return <ErrorState message={describeError(error)} onRetry={refresh} />;
    if (data && !data.feed) {
      return (
        <ErrorState message="There is no such feed (it may have been deleted)." onRetry={() => navigate('/feeds')} />
      );
    }
    return <LoadingState label="Loading the feed…" />;
  }

  const runs = data?.feed?.runs;
  return (
    <section>
      <PageHeader
        title={feed ? feed.name : 'New feed'}
        description={
          <>
            <Link to="/feeds">All feeds</Link>
            {feed ? ` · ${feed.scheduleDescription}` : ' · a catalogue fetched from a URL, on a schedule or on demand'}
          </>
        }
        actions={
          feed && canRun ? (
            <Button variant="primary" onClick={() => void runNow(feed)} busy={starting}>
              Run now
            </Button>
          ) : undefined
        }
      />
      {notice && <Notice tone="success">{notice}</Notice>}
      {problem && <Notice tone="error">{problem}</Notice>}
      {feed && !feed.enabled && (
        <Notice tone="warning">
          <strong>Disabled:</strong> {feed.disabledReason ?? 'it does not run on its schedule until enabled again.'}
        </Notice>
      )}
      {!canEdit && <Notice tone="info">Your {roleLabel || 'current'} role can read feeds but not change them.</Notice>}

      <form className="card feed-form" onSubmit={save} noValidate aria-label="Feed settings">
        {errors.general.length > 0 && <Notice tone="error">{errors.general.join(' ')}</Notice>}
        <FeedForm feed={feed} values={values} onChange={setValues} errors={errors.byField} disabled={!canEdit} />
        {values.options && !feed && <p className="muted">Columns and import choices chosen: saved with the feed.</p>}
        {canEdit && (
          <div className="dialog-footer" style={{ justifyContent: 'flex-start' }}>
            <Button type="submit" variant="primary" busy={creating || updating}>
              {feed ? 'Save changes' : 'Create feed'}
            </Button>
            {canTest && (
              <Button onClick={() => void testSource()} busy={testing}>
                Test source
              </Button>
            )}
            {feed && canDelete && (
              <Button variant="danger" onClick={() => setDeleting(true)}>
                Delete feed
              </Button>
            )}
          </div>
        )}
      </form>

      {test && (
        <FeedSourceTestResult
          test={test}
          pinnedHostKey={values.hostKey}
          onPinHostKey={canEdit ? (key) => setValues({ ...values, hostKey: key }) : undefined}
        />
      )}
      {test?.ok && test.job && (
        <Suspense fallback={<LoadingState label="Loading the column check…" />}>
          <CheckColumnsStep
            key={test.job.id}
            job={test.job}
            initialOptions={values.options ?? savedOptions(feed)}
            ownSource="this feed"
            onUse={saveColumns}
            onCancelled={() => setTest(null)}
          />
        </Suspense>
      )}

      {feed && (
        <>
          <section className="card" aria-labelledby="feed-import-title">
            <h2 id="feed-import-title">What each run imports</h2>
            <FeedOptionsSummary options={feed.options} />
          </section>
          <section aria-labelledby="feed-runs-title">
            <h2 id="feed-runs-title">Runs</h2>
            <FeedRuns runs={runs?.edges.map((e) => e.node) ?? []} total={runs?.totalCount ?? null} />
          </section>
          <ConfirmDialog
            open={deleting}
            onOpenChange={setDeleting}
            title={`Delete feed ${feed.name}?`}
            confirmLabel="Delete feed"
            danger
            onConfirm={async () => {
              const result = await deleteFeed({ id: feed.id });
              if (result.error) return describeError(result.error);
              const payload = result.data?.deleteFeed;
              if (payload?.__typename === 'OperationInfo') return problemText(payload);
              navigate('/feeds', { state: { deleted: feed.name } });
            }}
          >
            <p>It stops running and its run history goes with it. The imports it made stay.</p>
          </ConfirmDialog>
        </>
      )}
    </section>
  );
}
