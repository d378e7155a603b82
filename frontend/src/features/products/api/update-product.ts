import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const UpdateProductMutation = graphql(`
  mutation UpdateProduct($input: ProductPartialInput!) {
    updateProduct(input: $input) {
      __typename
      ... on Product {
        ...ProductFields
      }
      ...OperationInfoFields
    }
  }
`);

export function useUpdateProduct() {
  return useMutation(UpdateProductMutation);
}

export const CurrentProductQuery = graphql(`
  query CurrentProduct($id: ID!) {
    product(id: $id) {
      ...ProductFields
    }
  }
`);

/** The `code` of the message an update made from an older version of the product is refused with. */
export const CONFLICT_CODE = 'conflict';
