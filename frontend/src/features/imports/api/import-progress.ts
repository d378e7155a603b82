import { useSubscription } from 'urql';
import { graphql } from '@/gql';

export const ImportProgressSubscription = graphql(`
  subscription ImportProgress($id: ID!) {
    importProgress(id: $id) {
      ...ImportJobFields
    }
  }
`);

/** The `importProgress` subscription for one job (paused while `pause` is true or there is no id). */
export function useImportProgress(id: string | null, pause: boolean) {
  return useSubscription({ query: ImportProgressSubscription, variables: { id: id ?? '' }, pause: !id || pause });
}
