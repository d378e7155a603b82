import type { ImportJobFieldsFragment } from '@/gql/graphql';

/** The sync fields of an import job with the default options (for hand-made test jobs). */
export const SYNC_DEFAULTS: Pick<
  ImportJobFieldsFragment,
  | 'mode'
  | 'emptyCells'
  | 'missing'
  | 'missingScope'
  | 'source'
  | 'maxRemovalPercent'
  | 'skippedCount'
  | 'deactivatedCount'
  | 'removalCount'
  | 'removalScopeCount'
  | 'removalSample'
  | 'removalHeld'
> = {
  mode: 'UPSERT',
  emptyCells: 'CLEAR',
  missing: 'LEAVE',
  missingScope: 'ALL',
  source: null,
  maxRemovalPercent: 10,
  skippedCount: 0,
  deactivatedCount: 0,
  removalCount: 0,
  removalScopeCount: 0,
  removalSample: [],
  removalHeld: false,
};
