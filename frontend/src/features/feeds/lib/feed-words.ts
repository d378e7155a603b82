import type { BadgeTone } from '@/components/ui/status-badge';
import type { FeedRunFieldsFragment } from '@/gql/graphql';

/** How often a page asks again while a run fetches or its import runs. */
export const RUN_POLL_MS = 2000;

type Words = { label: string; tone: BadgeTone };

const JOB_WORDS: Record<string, Words> = {
  STAGED: { label: 'Waiting for column check', tone: 'neutral' },
  PENDING: { label: 'Import waiting', tone: 'neutral' },
  PROCESSING: { label: 'Importing', tone: 'info' },
  COMPLETED: { label: 'Imported', tone: 'success' },
  FAILED: { label: 'Import failed', tone: 'danger' },
  CANCELLED: { label: 'Import cancelled', tone: 'warning' },
  EXPIRED: { label: 'Import expired', tone: 'warning' },
  NEEDS_CONFIRMATION: { label: 'Waiting for your confirmation', tone: 'warning' },
};

/**
 * A run's outcome in words. An IMPORTED run started an import job: what the person
 * wants to know is how that import went, so its status speaks for the run.
 */
export function runWords(run: Pick<FeedRunFieldsFragment, 'status' | 'job'>): Words {
  switch (run.status) {
    case 'QUEUED':
      return { label: 'Queued', tone: 'neutral' };
    case 'RUNNING':
      return { label: 'Fetching', tone: 'info' };
    case 'UNCHANGED':
      return { label: 'Unchanged', tone: 'neutral' };
    case 'FAILED':
      return { label: 'Failed', tone: 'danger' };
    case 'IMPORTED':
      return (run.job && JOB_WORDS[run.job.status]) || { label: 'Imported', tone: 'success' };
  }
}

/** Whether the run may still change (the page asks again until it settles). */
export function runInProgress(run: Pick<FeedRunFieldsFragment, 'status' | 'job'> | null | undefined): boolean {
  if (!run) return false;
  if (run.status === 'QUEUED' || run.status === 'RUNNING') return true;
  return run.status === 'IMPORTED' && !!run.job && ['PENDING', 'PROCESSING'].includes(run.job.status);
}

/** "Run now" or "Scheduled", for the history. */
export function triggerWords(trigger: string): string {
  return trigger === 'schedule' ? 'Scheduled' : trigger === 'manual' ? 'Run now' : trigger;
}
