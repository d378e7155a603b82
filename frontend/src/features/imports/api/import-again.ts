import { useMutation } from 'urql';
import { graphql } from '@/gql';

/** Import a completed dry run's kept file with the same settings (no new upload). */
export const ImportAgainMutation = graphql(`
  mutation ImportAgain($id: ID!, $dryRun: Boolean) {
    importAgain(id: $id, dryRun: $dryRun) {
      __typename
      ... on ImportJob {
        ...ImportJobFields
      }
      ...OperationInfoFields
    }
  }
`);

export function useImportAgain() {
  return useMutation(ImportAgainMutation);
}
