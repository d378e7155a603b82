import { useQuery } from 'urql';
import { graphql } from '@/gql';
import type { ProductsCountQueryVariables, ProductsQueryVariables } from '@/gql/graphql';

/** One page of rows, without the total: the server answers it without counting the matches. */
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

/** The exact number of products matching the filters, asked for beside the rows. */
export const ProductsCountQuery = graphql(`
  query ProductsCount($filters: ProductFilter) {
    products(filters: $filters) {
      totalCount
    }
  }
`);

/**
 * One page of products; answers from the cache at once and refreshes from the server. A
 * change of variables tears the older request down (urql aborts its fetch).
 */
export function useProducts(variables: ProductsQueryVariables) {
  return useQuery({ query: ProductsQuery, variables, requestPolicy: 'cache-and-network' });
}

/**
 * The total for the filters; paging keeps the same variables, so it is not asked again.
 * `pause` holds the request back (the page asks for it once its rows are in).
 */
export function useProductsCount(variables: ProductsCountQueryVariables, pause = false) {
  return useQuery({ query: ProductsCountQuery, variables, requestPolicy: 'cache-and-network', pause });
}
