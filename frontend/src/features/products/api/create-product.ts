import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const CreateProductMutation = graphql(`
  mutation CreateProduct($input: ProductInput!) {
    createProduct(input: $input) {
      __typename
      ... on Product {
        ...ProductFields
      }
      ...OperationInfoFields
    }
  }
`);

export function useCreateProduct() {
  return useMutation(CreateProductMutation);
}
