import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const DeleteProductMutation = graphql(`
  mutation DeleteProduct($id: ID!) {
    deleteProduct(id: $id) {
      __typename
      ... on Product {
        id
        sku
      }
      ...OperationInfoFields
    }
  }
`);

export function useDeleteProduct() {
  return useMutation(DeleteProductMutation);
}
