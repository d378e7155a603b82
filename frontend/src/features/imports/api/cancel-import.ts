import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const CancelImportMutation = graphql(`
  mutation CancelImport($id: ID!) {
    cancelImport(id: $id) {
      __typename
      ... on ImportJob {
        ...ImportJobFields
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

export function useCancelImport() {
  return useMutation(CancelImportMutation);
}
