import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { formatRunTime, ScheduleSummary } from '@/features/feeds/components/schedule-summary';
import { feed } from '@/features/feeds/test/feed';

const berlin = feed({
  schedule: '0 2 * * *',
  timeZone: 'Europe/Berlin',
  scheduleDescription: 'every day at 02:00, Europe/Berlin',
  // 02:00 in Berlin is 01:00 UTC in winter.
  nextRunTimes: ['2026-12-08T01:00:00Z', '2026-12-09T01:00:00Z', '2026-12-10T01:00:00Z'],
});

describe('schedule summary', () => {
  it('says the saved schedule in words and lists the next three runs in its time zone', () => {
    render(<ScheduleSummary feed={berlin} schedule="0 2 * * *" timeZone="Europe/Berlin" />);

    expect(screen.getByText('every day at 02:00, Europe/Berlin')).toBeInTheDocument();
    const runs = within(screen.getByRole('list', { name: 'Next runs' })).getAllByRole('listitem');
    expect(runs).toHaveLength(3);
    expect(runs[0]).toHaveTextContent(formatRunTime('2026-12-08T01:00:00Z', 'Europe/Berlin'));
    expect(runs[0].textContent).toMatch(/02:00|2:00/);
    expect(runs[0].querySelector('time')).toHaveAttribute('dateTime', '2026-12-08T01:00:00Z');
    expect(runs[2]).toHaveTextContent(/10/);
  });

  it('a changed expression or zone is not described until it is saved', () => {
    const { rerender } = render(<ScheduleSummary feed={berlin} schedule="0 3 * * *" timeZone="Europe/Berlin" />);
    expect(screen.getByRole('status')).toHaveTextContent('Save the feed to see this schedule in words');
    expect(screen.queryByRole('list', { name: 'Next runs' })).not.toBeInTheDocument();

    rerender(<ScheduleSummary feed={berlin} schedule="0 2 * * *" timeZone="UTC" />);
    expect(screen.getByRole('status')).toHaveTextContent('Save the feed to see this schedule in words');
  });

  it('no expression is manual only', () => {
    render(<ScheduleSummary feed={null} schedule="  " timeZone="UTC" />);

    expect(screen.getByRole('status')).toHaveTextContent('Manual only');
  });

  it('a disabled feed says it does not run', () => {
    render(<ScheduleSummary feed={{ ...berlin, enabled: false }} schedule="0 2 * * *" timeZone="Europe/Berlin" />);

    expect(screen.getByRole('status')).toHaveTextContent('the feed is disabled: it does not run');
  });
});
