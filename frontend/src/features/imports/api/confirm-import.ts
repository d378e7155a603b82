import { useMutation } from 'urql';
import { graphql } from '@/gql';

/** Let an import whose removal the guard holds carry on and remove what it counted. */
export const ConfirmImportMutation = graphql(`
  mutation ConfirmImport($id: ID!) {
    confirmImport(id: $id) {
      __typename
      ... on ImportJob {
        ...ImportJobFields
      }
      ...OperationInfoFields
    }
  }
`);

export function useConfirmImport() {
  return useMutation(ConfirmImportMutation);
}
