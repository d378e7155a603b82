import type { ComponentType } from 'react';
import type { ImportOptionsInput } from '@/gql/graphql';
import type { FeedStagedJob } from '@/features/feeds/api/test-feed-source';

/** What the feed page gives the "Check columns" step it shows on a tested source's file. */
export interface CheckColumnsSlotProps {
  /** The staged import of the fetched file. */
  job: FeedStagedJob;
  /** The feed's saved options: the step starts from them. */
  initialOptions: ImportOptionsInput;
  /** Who owns the products a removal may touch ("this feed"). */
  ownSource: string;
  /** The options chosen, columns included, to save into the feed. */
  onUse: (options: ImportOptionsInput) => void | Promise<void>;
  onCancelled: () => void;
}

/**
 * The import page's "Check columns" step, handed in by the app (features do not import each
 * other), so a feed's file is checked exactly as an upload is.
 */
export type CheckColumnsSlot = ComponentType<CheckColumnsSlotProps>;
