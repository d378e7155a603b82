import { useQuery } from 'urql';
import { graphql } from '@/gql';

export const FeedQuery = graphql(`
  query Feed($id: ID!, $runs: Int) {
    feed(id: $id) {
      ...FeedFields
      runs(first: $runs) {
        totalCount
        edges {
          node {
            ...FeedRunFields
          }
        }
      }
    }
  }
`);

/** How many runs the history shows. */
export const RUNS_SHOWN = 20;

const context = { additionalTypenames: ['Feed', 'FeedRun'] };

/** One feed and its latest runs; paused while `id` is null (a new feed). */
export function useFeed(id: string | null) {
  return useQuery({
    query: FeedQuery,
    variables: { id: id ?? '', runs: RUNS_SHOWN },
    context,
    pause: id === null,
    requestPolicy: 'cache-and-network',
  });
}
