import { useQuery } from 'urql';
import { graphql } from '@/gql';

export const ActivityQuery = graphql(`
  query Activity($first: Int!, $after: String, $kind: String, $userId: ID, $since: DateTime, $until: DateTime) {
    activityEntries(first: $first, after: $after, kind: $kind, userId: $userId, since: $since, until: $until) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          at
          kind
          actor
          tokenLabel
          ip
          requestId
          targetType
          targetLabel
        }
      }
    }
  }
`);

export interface ActivityFilters {
  kind: string;
  userId: string;
  since: string;
  until: string;
}

/** One page of the activity log, newest first. */
export function useActivity(filters: ActivityFilters, first: number) {
  return useQuery({
    query: ActivityQuery,
    variables: {
      first,
      kind: filters.kind || null,
      userId: filters.userId || null,
      since: filters.since ? new Date(`${filters.since}T00:00:00`).toISOString() : null,
      until: filters.until ? new Date(`${filters.until}T23:59:59`).toISOString() : null,
    },
    requestPolicy: 'cache-and-network',
  });
}

export const ActivityPeopleQuery = graphql(`
  query ActivityPeople {
    people(first: 500) {
      edges {
        node {
          id
          username
        }
      }
    }
  }
`);

export function useActivityPeople() {
  return useQuery({ query: ActivityPeopleQuery });
}
