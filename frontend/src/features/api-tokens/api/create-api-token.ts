import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($name: String!, $scopes: [ApiTokenScope!], $expiresAt: DateTime) {
    createApiToken(name: $name, scopes: $scopes, expiresAt: $expiresAt) {
      token
      apiToken {
        id
        name
        prefix
        createdAt
        lastUsedAt
        scopes
        expiresAt
      }
    }
  }
`);

export function useCreateApiToken() {
  return useMutation(CreateApiTokenMutation);
}
