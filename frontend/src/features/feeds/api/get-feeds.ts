import { useQuery } from 'urql';
import { graphql } from '@/gql';

export const FeedsQuery = graphql(`
  query Feeds($first: Int, $after: String) {
    feeds(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...FeedFields
        }
      }
    }
  }
`);

const context = { additionalTypenames: ['Feed', 'FeedRun'] };

/** The feeds, newest first. */
export function useFeeds(first = 100) {
  return useQuery({ query: FeedsQuery, variables: { first }, context, requestPolicy: 'cache-and-network' });
}
