import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const DeleteAllProductsMutation = graphql(`
  mutation DeleteAllProducts {
    deleteAllProducts {
      __typename
      deletedCount
    }
  }
`);

export function useDeleteAllProducts() {
  return useMutation(DeleteAllProductsMutation);
}
