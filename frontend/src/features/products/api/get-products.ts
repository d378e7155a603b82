import { useQuery } from 'urql';
import { graphql } from '@/gql';
import type { ProductsQueryVariables } from '@/gql/graphql';

export const ProductsQuery = graphql(`
  query Products(
    $filters: ProductFilter
    $ordering: [ProductOrder!]
    $first: Int
    $after: String
    $last: Int
    $before: String
  ) {
    products(filters: $filters, ordering: $ordering, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          ...ProductFields
        }
      }
    }
  }
`);

/** One page of products; answers from the cache at once and refreshes from the server. */
export function useProducts(variables: ProductsQueryVariables) {
  return useQuery({ query: ProductsQuery, variables, requestPolicy: 'cache-and-network' });
}
