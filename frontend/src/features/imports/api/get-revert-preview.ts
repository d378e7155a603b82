import { useQuery } from 'urql';
import { graphql } from '@/gql';

export const RevertPreviewQuery = graphql(`
  query RevertPreview($id: ID!) {
    importJob(id: $id) {
      id
      revertPreview {
        deleteCount
        restoreCount
        conflictCount
      }
    }
  }
`);

/** What undoing the import would do now (asked only while `pause` is false: it reads the log). */
export function useRevertPreview(id: string, pause: boolean) {
  return useQuery({ query: RevertPreviewQuery, variables: { id }, pause, requestPolicy: 'network-only' });
}
