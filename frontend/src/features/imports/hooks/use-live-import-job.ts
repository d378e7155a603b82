import { useEffect, useMemo, useState } from 'react';
import type { ImportJobFieldsFragment } from '@/gql/graphql';
import { useImportJob } from '@/features/imports/api/get-import-job';
import { useImportProgress } from '@/features/imports/api/import-progress';
import { isFinished } from '@/features/imports/lib/import-status';

/** How long the subscription may stay silent before the page polls instead. */
export const LIVE_TIMEOUT_MS = 4000;
export const POLL_INTERVAL_MS = 1000;

export type LiveMode = 'live' | 'polling';

/** The later of two snapshots of one job (progress only grows; a final state is last). */
function newer<T extends ImportJobFieldsFragment>(
  a: T | undefined,
  b: ImportJobFieldsFragment | undefined,
): ImportJobFieldsFragment | undefined {
  if (!a || !b || a.id !== b.id) return a ?? b;
  if (isFinished(a.status) !== isFinished(b.status)) return isFinished(a.status) ? a : b;
  // The removal guard's hold, and its answer, change the status at the same progress.
  return b.bytesProcessed > a.bytesProcessed ||
    b.rowsProcessed > a.rowsProcessed ||
    (a.status === 'PENDING' && b.status !== 'PENDING') ||
    (a.status === 'PROCESSING' && b.status === 'NEEDS_CONFIRMATION') ||
    (a.status === 'NEEDS_CONFIRMATION' && b.status !== 'NEEDS_CONFIRMATION')
    ? b
    : a;
}

/**
 * A job as it changes: the `importProgress` subscription over the WebSocket,
 * or, if that fails or stays silent, `importJob` polled every second. The first
 * row errors come from `importJob`, fetched again whenever the status changes.
 */
export function useLiveImportJob(id: string | null) {
  const [mode, setMode] = useState<LiveMode>('live');
  const [query, refetch] = useImportJob(id);
  const queried = query.data?.importJob ?? undefined;
  const finishedAlready = queried ? isFinished(queried.status) : false;
  const [sub] = useImportProgress(id, mode !== 'live' || finishedAlready);
  const pushed = sub.data?.importProgress;

  useEffect(() => setMode('live'), [id]);

  // WebSocket refused or broken: poll.
  useEffect(() => {
    if (sub.error && mode === 'live') setMode('polling');
  }, [sub.error, mode]);

  // WebSocket silent (a proxy that swallows upgrades): poll.
  useEffect(() => {
    if (!id || mode !== 'live' || pushed || finishedAlready) return;
    const timer = window.setTimeout(() => setMode('polling'), LIVE_TIMEOUT_MS);
    return () => window.clearTimeout(timer);
  }, [id, mode, pushed, finishedAlready]);

  const job = useMemo(() => newer(queried, pushed), [queried, pushed]);
  const status = job?.status;
  const finished = status ? isFinished(status) : false;

  useEffect(() => {
    if (!id || mode !== 'polling' || finished) return;
    const timer = window.setInterval(() => refetch({ requestPolicy: 'network-only' }), POLL_INTERVAL_MS);
    return () => window.clearInterval(timer);
  }, [id, mode, finished, refetch]);

  // New status (started, finished): fetch the job again for its row errors.
  useEffect(() => {
    if (id && status && queried?.status !== status) refetch({ requestPolicy: 'network-only' });
  }, [id, status, queried?.status, refetch]);

  return {
    job,
    errors: query.data?.importJob?.errors ?? null,
    mode,
    loading: !job && (query.fetching || !query.data),
    notFound: Boolean(query.data && !query.data.importJob),
    error: query.error,
    refetch: () => refetch({ requestPolicy: 'network-only' }),
  };
}
