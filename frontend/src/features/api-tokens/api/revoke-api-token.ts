import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      __typename
      ... on ApiToken {
        id
      }
      ...OperationInfoFields
    }
  }
`);

export function useRevokeApiToken() {
  return useMutation(RevokeApiTokenMutation);
}
