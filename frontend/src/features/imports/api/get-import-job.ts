import { useQuery } from 'urql';
import { graphql } from '@/gql';

export const ImportJobQuery = graphql(`
  query ImportJob($id: ID!) {
    importJob(id: $id) {
      ...ImportJobFields
      errors(first: 50) {
        totalCount
        edges {
          node {
            line
            sku
            message
          }
        }
      }
    }
  }
`);

/** One job with its first 50 row errors. */
export function useImportJob(id: string | null) {
  return useQuery({
    query: ImportJobQuery,
    variables: { id: id ?? '' },
    pause: !id,
    requestPolicy: 'cache-and-network',
  });
}
