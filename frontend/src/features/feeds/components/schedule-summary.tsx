import type { FeedFieldsFragment } from '@/gql/graphql';

export interface ScheduleSummaryProps {
  /** The saved feed (null: not saved yet). */
  feed: Pick<FeedFieldsFragment, 'schedule' | 'timeZone' | 'scheduleDescription' | 'nextRunTimes' | 'enabled'> | null;
  /** The cron expression and time zone in the form now. */
  schedule: string;
  timeZone: string;
}

/** A run time in the schedule's own zone ("Mon, 8 Dec 2026, 02:00"), as the schedule reads. */
export function formatRunTime(value: string, timeZone: string): string {
  const date = new Date(value);
  try {
    return new Intl.DateTimeFormat(undefined, {
      weekday: 'short',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
    }).format(date);
  } catch {
    return date.toISOString();
  }
}

/**
 * The schedule in words and its next three runs, as the server computed them for the
 * saved feed. While the form holds another schedule, it says that saving shows the new one.
 */
export function ScheduleSummary({ feed, schedule, timeZone }: ScheduleSummaryProps) {
  const saved = feed && (feed.schedule ?? '') === schedule.trim() && feed.timeZone === timeZone.trim();
  if (!saved) {
    return (
      <p className="schedule-summary muted" role="status">
        {schedule.trim()
          ? 'Save the feed to see this schedule in words and its next three runs.'
          : 'Manual only: the feed runs when someone presses Run now.'}
      </p>
    );
  }
  return (
    <div className="schedule-summary" role="status">
      <p>
        <strong>{feed.scheduleDescription}</strong>
        {!feed.enabled && feed.schedule && <span className="muted"> (the feed is disabled: it does not run)</span>}
      </p>
      {feed.nextRunTimes.length > 0 && (
        <>
          <p className="muted">Next runs ({feed.timeZone}):</p>
          <ol className="next-runs" aria-label="Next runs">
            {feed.nextRunTimes.slice(0, 3).map((time) => (
              <li key={time}>
                <time dateTime={time}>{formatRunTime(time, feed.timeZone)}</time>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
