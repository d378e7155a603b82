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
