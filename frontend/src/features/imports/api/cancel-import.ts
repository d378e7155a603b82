import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const CancelImportMutation = graphql(`
  mutation CancelImport($id: ID!) {
    cancelImport(id: $id) {
      __typename
      ... on ImportJob {
        ...ImportJobFields
      }
      ...OperationInfoFields
    }
  }
`);

export function useCancelImport() {
  return useMutation(CancelImportMutation);
}
