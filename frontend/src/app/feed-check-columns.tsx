import { CheckColumns } from '@/features/imports/components/check-columns';
import type { CheckColumnsSlotProps } from '@/features/feeds/components/check-columns-slot';

/**
 * The import page's "Check columns" step on a feed's fetched file: the same step, ending
 * with "Use these columns" (saved into the feed) instead of starting an import.
 */
export default function FeedCheckColumns({
  job,
  initialOptions,
  ownSource,
  onUse,
  onCancelled,
}: CheckColumnsSlotProps) {
  return (
    <CheckColumns
      job={job}
      initialOptions={initialOptions}
      ownSource={ownSource}
      use={{ label: 'Use these columns', onUse }}
      onCancelled={onCancelled}
    />
  );
}
