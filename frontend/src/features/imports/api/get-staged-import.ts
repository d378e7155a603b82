import { useQuery } from 'urql';
import { graphql } from '@/gql';

/** A staged import as the "Check columns" step shows it (to come back to it by its URL). */
export const StagedImportQuery = graphql(`
  query StagedImport($id: ID!) {
    importJob(id: $id) {
      __typename
      ...ImportInspectionFields
    }
  }
`);

export function useStagedImport(id: string) {
  return useQuery({ query: StagedImportQuery, variables: { id }, requestPolicy: 'network-only' });
}
