import { graphql } from '@/gql';

/** A job's sync choices and the counts they add (skips, removals, the guard). */
export const ImportSyncFieldsFragment = graphql(`
  fragment ImportSyncFields on ImportJob {
    mode
    emptyCells
    missing
    missingScope
    source
    maxRemovalPercent
    skippedCount
    deactivatedCount
    removalCount
    removalScopeCount
    removalSample
    removalHeld
  }
`);
