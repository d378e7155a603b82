import { useQuery } from 'urql';
import { graphql } from '@/gql';

export const ImportJobsQuery = graphql(`
  query ImportJobs($first: Int, $after: String) {
    importJobs(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...ImportJobFields
        }
      }
    }
  }
`);

const context = { additionalTypenames: ['ImportJob'] };

/** Past and current imports, newest first. */
export function useImportJobs(first: number, after: string | null = null) {
  return useQuery({ query: ImportJobsQuery, variables: { first, after }, context, requestPolicy: 'cache-and-network' });
}
