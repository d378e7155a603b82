import type { FeedFieldsFragment, FeedRunFieldsFragment } from '@/gql/graphql';

/** A saved feed as the API answers it, with the defaults of a new one; `over` changes fields. */
export function feed(over: Partial<FeedFieldsFragment> = {}): FeedFieldsFragment {
  return {
    __typename: 'Feed',
    id: 'RmVlZDox',
    name: 'Acme daily',
    url: 'https://files.example.com/acme.csv',
    username: null,
    hasPassword: false,
    headerName: null,
    hasHeaderValue: false,
    hasPrivateKey: false,
    hostKey: null,
    schedule: null,
    timeZone: 'UTC',
    scheduleDescription: 'manual only',
    nextRunAt: null,
    nextRunTimes: [],
    enabled: true,
    disabledReason: null,
    consecutiveFailures: 0,
    notifyEmails: [],
    notifyOnSuccess: false,
    options: {
      __typename: 'FeedImportOptions',
      format: null,
      sheet: null,
      encoding: null,
      delimiter: null,
      headerRow: null,
      mapping: null,
      mode: 'UPSERT',
      emptyCells: 'CLEAR',
      missing: 'LEAVE',
      missingScope: 'ALL',
      maxRemovalPercent: 10,
    },
    lastRun: null,
    createdAt: '2026-12-01T10:00:00Z',
    updatedAt: '2026-12-01T10:00:00Z',
    ...over,
  };
}

/** A run of the feed; `over` changes fields. */
export function feedRun(over: Partial<FeedRunFieldsFragment> = {}): FeedRunFieldsFragment {
  return {
    __typename: 'FeedRun',
    id: 'RmVlZFJ1bjox',
    status: 'UNCHANGED',
    trigger: 'manual',
    startedAt: '2026-12-02T02:00:00Z',
    finishedAt: '2026-12-02T02:00:01Z',
    fetchedBytes: 0,
    message: 'Nothing new.',
    errorCode: null,
    httpStatus: 304,
    job: null,
    ...over,
  };
}

/** The Feed query's answer for `value` with `runs`. */
export function feedAnswer(value: FeedFieldsFragment, runs: FeedRunFieldsFragment[] = []) {
  return {
    feed: {
      ...value,
      runs: {
        __typename: 'FeedRunConnection',
        totalCount: runs.length,
        edges: runs.map((node) => ({ __typename: 'FeedRunEdge', node })),
      },
    },
  };
}
