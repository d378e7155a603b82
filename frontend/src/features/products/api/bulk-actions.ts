import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const SetProductsActiveMutation = graphql(`
  mutation SetProductsActive($active: Boolean!, $ids: [ID!], $filters: ProductFilter) {
    setProductsActive(active: $active, ids: $ids, filters: $filters) {
      __typename
      ... on SetProductsActiveResult {
        changedCount
        job {
          id
        }
      }
      ...OperationInfoFields
    }
  }
`);

export const DeleteSelectedProductsMutation = graphql(`
  mutation DeleteSelectedProducts($ids: [ID!]) {
    deleteProducts(ids: $ids) {
      __typename
      ... on DeleteProductsResult {
        deletedCount
        job {
          id
        }
      }
      ...OperationInfoFields
    }
  }
`);

export const UndoBulkActionMutation = graphql(`
  mutation UndoBulkAction($id: ID!) {
    revertImport(id: $id) {
      __typename
      ... on ImportJob {
        id
      }
      ...OperationInfoFields
    }
  }
`);

/** Activate or deactivate a selection (ids) or every product a filter selects, as one undoable job. */
export function useSetProductsActive() {
  return useMutation(SetProductsActiveMutation);
}

/** Delete the selected products (one statement, one event). */
export function useDeleteSelectedProducts() {
  return useMutation(DeleteSelectedProductsMutation);
}

/** Undo a bulk action: revert its job (queued like any revert). */
export function useUndoBulkAction() {
  return useMutation(UndoBulkActionMutation);
}
