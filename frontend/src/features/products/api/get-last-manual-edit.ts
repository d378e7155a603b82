import { useQuery } from 'urql';
import { graphql } from '@/gql';

export const LastManualEditQuery = graphql(`
  query LastManualEdit($id: ID!) {
    product(id: $id) {
      id
      lastManualEdit {
        at
        actor
        tokenLabel
      }
    }
  }
`);

/** Who last wrote a product by hand (from the activity log); paused without an id. */
export function useLastManualEdit(id: string | null) {
  return useQuery({
    query: LastManualEditQuery,
    variables: { id: id ?? '' },
    pause: !id,
    requestPolicy: 'cache-and-network',
  });
}
