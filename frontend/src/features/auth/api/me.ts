import { useQuery } from 'urql';
import { graphql } from '@/gql';

export const MeQuery = graphql(`
  query Me {
    me {
      id
      username
    }
  }
`);

/** The signed-in user, or null for an anonymous visitor. Always asks the server. */
export function useMe() {
  return useQuery({ query: MeQuery, requestPolicy: 'network-only' });
}
