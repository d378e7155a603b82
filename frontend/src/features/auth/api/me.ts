import { useQuery } from 'urql';
import { graphql } from '@/gql';

/** What the app keeps about the signed-in user (`me` and `login` both select it). */
export const SignedInUserFields = graphql(`
  fragment SignedInUser on User {
    id
    username
    role
    allowedOperations
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      ...SignedInUser
    }
  }
`);

/** The signed-in user, or null for an anonymous visitor. Always asks the server. */
export function useMe() {
  return useQuery({ query: MeQuery, requestPolicy: 'network-only' });
}
