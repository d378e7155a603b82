import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const CreateProductMutation = graphql(`
  mutation CreateProduct($input: ProductInput!) {
    createProduct(input: $input) {
      __typename
      ... on Product {
        ...ProductFields
      }
      ... on OperationInfo {
        messages {
          kind
          message
          field
          code
        }
      }
    }
  }
`);

export function useCreateProduct() {
  return useMutation(CreateProductMutation);
}
