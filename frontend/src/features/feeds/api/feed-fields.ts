import { graphql } from '@/gql';

/** One run of a feed, as its history and the list's "Last run" show it. */
export const FeedRunFieldsFragment = graphql(`
  fragment FeedRunFields on FeedRun {
    id
    status
    trigger
    startedAt
    finishedAt
    fetchedBytes
    message
    errorCode
    httpStatus
    job {
      id
      status
      fileName
      createdCount
      updatedCount
      errorCount
    }
  }
`);

/** Everything the feeds pages show about a feed (secrets only as whether they are set). */
export const FeedFieldsFragment = graphql(`
  fragment FeedFields on Feed {
    id
    name
    url
    username
    hasPassword
    headerName
    hasHeaderValue
    hasPrivateKey
    hostKey
    schedule
    timeZone
    scheduleDescription
    nextRunAt
    nextRunTimes
    enabled
    disabledReason
    consecutiveFailures
    notifyEmails
    notifyOnSuccess
    options {
      format
      sheet
      encoding
      delimiter
      headerRow
      mapping {
        sku
        name
        description
        active
      }
      mode
      emptyCells
      missing
      missingScope
      maxRemovalPercent
    }
    lastRun {
      ...FeedRunFields
    }
    createdAt
    updatedAt
  }
`);
