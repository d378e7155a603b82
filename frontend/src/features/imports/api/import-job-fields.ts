import { graphql } from '@/gql';

/** Everything the import page shows about a job. */
export const ImportJobFieldsFragment = graphql(`
  fragment ImportJobFields on ImportJob {
    id
    status
    fileName
    fileSize
    dryRun
    progress
    bytesProcessed
    rowsProcessed
    createdCount
    updatedCount
    unchangedCount
    replacedCount
    errorCount
    errorMessage
    notice
    createdAt
    startedAt
    finishedAt
    kind
    origin
    deletedCount
    restoredCount
    conflictCount
    revertBlockedReason
    changesKeptUntil
    fileKeptUntil
    reverts {
      id
      fileName
    }
    ...ImportSyncFields
  }
`);
