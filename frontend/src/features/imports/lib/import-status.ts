import type { BadgeTone } from '@/components/ui/status-badge';
import type { ImportJobFieldsFragment } from '@/gql/graphql';

export type ImportStatus = ImportJobFieldsFragment['status'];

const words: Record<ImportStatus, { label: string; tone: BadgeTone }> = {
  STAGED: { label: 'Waiting for column check', tone: 'neutral' },
  PENDING: { label: 'Pending', tone: 'neutral' },
  PROCESSING: { label: 'Processing', tone: 'info' },
  COMPLETED: { label: 'Completed', tone: 'success' },
  FAILED: { label: 'Failed', tone: 'danger' },
  CANCELLED: { label: 'Cancelled', tone: 'warning' },
  EXPIRED: { label: 'Expired (never started)', tone: 'warning' },
  NEEDS_CONFIRMATION: { label: 'Waiting for your confirmation', tone: 'warning' },
};

/** The status in words, as a person reads it. */
export function importStatusWords(status: ImportStatus) {
  return words[status];
}

export function isFinished(status: ImportStatus): boolean {
  return status === 'COMPLETED' || status === 'FAILED' || status === 'CANCELLED' || status === 'EXPIRED';
}

/** Milliseconds the job has been running (or ran), measured from when a worker took it. */
export function elapsedMs(job: Pick<ImportJobFieldsFragment, 'startedAt' | 'finishedAt'>, now: number): number | null {
  if (!job.startedAt) return null;
  const end = job.finishedAt ? Date.parse(job.finishedAt) : now;
  return Math.max(0, end - Date.parse(job.startedAt));
}

/**
 * Time left, from the share of the file read so far (bytes move more evenly
 * than rows). Null until there is enough to go on.
 */
export function remainingMs(
  job: Pick<ImportJobFieldsFragment, 'status' | 'startedAt' | 'finishedAt' | 'bytesProcessed' | 'fileSize'>,
  now: number,
): number | null {
  if (job.status !== 'PROCESSING') return null;
  const elapsed = elapsedMs(job, now);
  if (elapsed == null || elapsed < 1000 || job.bytesProcessed <= 0 || job.fileSize <= 0) return null;
  const done = Math.min(1, job.bytesProcessed / job.fileSize);
  if (done >= 1) return 0;
  return (elapsed * (1 - done)) / done;
}
