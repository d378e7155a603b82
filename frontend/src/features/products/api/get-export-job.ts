import { useQuery } from 'urql';
import { graphql } from '@/gql';

export const ExportJobQuery = graphql(`
  query ExportJob($id: ID!) {
    exportJob(id: $id) {
      ...ExportJobFields
    }
  }
`);

/** One export job, always from the server (it changes while a worker writes the file). */
export function useExportJob(id: string | null) {
  return useQuery({ query: ExportJobQuery, variables: { id: id ?? '' }, pause: !id, requestPolicy: 'network-only' });
}
