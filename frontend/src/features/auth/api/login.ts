import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const LoginMutation = graphql(`
  mutation Login($username: String!, $password: String!) {
    login(username: $username, password: $password) {
      ...SignedInUser
    }
  }
`);

export function useLogin() {
  return useMutation(LoginMutation);
}
