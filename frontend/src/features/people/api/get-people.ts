import { useQuery } from 'urql';
import { graphql } from '@/gql';

export const PeopleQuery = graphql(`
  query People {
    people(first: 500) {
      edges {
        node {
          id
          username
          email
          role
          isActive
          lastLogin
        }
      }
    }
    invitations {
      id
      email
      role
      expiresAt
      invitedBy {
        username
      }
    }
  }
`);

const context = { additionalTypenames: ['User', 'Invitation'] };

/** Everyone, and the invitations not used yet. */
export function usePeople() {
  return useQuery({ query: PeopleQuery, context, requestPolicy: 'cache-and-network' });
}
