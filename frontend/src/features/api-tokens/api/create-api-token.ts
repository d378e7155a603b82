import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($name: String!) {
    createApiToken(name: $name) {
      token
      apiToken {
        id
        name
        prefix
        createdAt
        lastUsedAt
      }
    }
  }
`);

export function useCreateApiToken() {
  return useMutation(CreateApiTokenMutation);
}
