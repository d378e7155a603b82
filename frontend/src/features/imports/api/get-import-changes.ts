import { useQuery } from 'urql';
import { graphql } from '@/gql';
import type { ImportChangeKind } from '@/gql/graphql';

export const ImportChangesQuery = graphql(`
  query ImportChanges($id: ID!, $first: Int, $after: String, $kind: ImportChangeKind) {
    importJob(id: $id) {
      id
      changes(first: $first, after: $after, kind: $kind) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            kind
            line
            sku
            changedFields
            product {
              id
            }
            before {
              sku
              name
              description
              active
            }
            after {
              sku
              name
              description
              active
            }
          }
        }
      }
    }
  }
`);

/** One page of an import's changes, optionally only one kind. */
export function useImportChanges(id: string, first: number, after: string | null, kind: ImportChangeKind | null) {
  return useQuery({ query: ImportChangesQuery, variables: { id, first, after, kind } });
}
