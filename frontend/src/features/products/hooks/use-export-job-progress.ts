import { useEffect } from 'react';
import { useExportJob } from '@/features/products/api/get-export-job';

const FINAL = new Set(['COMPLETED', 'FAILED', 'EXPIRED']);
export const POLL_MS = 1000;

/** The export `id`, polled every second until it has ended (completed, failed or expired). */
export function useExportJobProgress(id: string | null) {
  const [result, refetch] = useExportJob(id);
  const job = result.data?.exportJob ?? null;
  const running = id !== null && !(job && FINAL.has(job.status));
  useEffect(() => {
    if (!running || result.fetching) return undefined;
    const timer = window.setTimeout(() => refetch({ requestPolicy: 'network-only' }), POLL_MS);
    return () => window.clearTimeout(timer);
  }, [running, result.fetching, result.data, refetch]);
  return { job, error: result.error ?? null };
}
