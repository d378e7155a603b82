import { useQuery } from 'urql';
import { graphql } from '@/gql';

export const RevertConflictsQuery = graphql(`
  query RevertConflicts($id: ID!, $first: Int, $after: String) {
    importJob(id: $id) {
      id
      conflicts(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            reason
            message
            laterImportId
            change {
              line
              sku
              kind
            }
          }
        }
      }
    }
  }
`);

/** One page of the products a revert left as they were, with the reason. */
export function useRevertConflicts(id: string, first: number, after: string | null) {
  return useQuery({ query: RevertConflictsQuery, variables: { id, first, after }, requestPolicy: 'cache-and-network' });
}
