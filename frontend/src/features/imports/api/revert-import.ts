import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const RevertImportMutation = graphql(`
  mutation RevertImport($id: ID!) {
    revertImport(id: $id) {
      __typename
      ... on ImportJob {
        ...ImportJobFields
      }
      ...OperationInfoFields
    }
  }
`);

/** Queue the revert of an import (a job of kind REVERT in the imports' queue). */
export function useRevertImport() {
  return useMutation(RevertImportMutation);
}
