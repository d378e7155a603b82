import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const LogoutMutation = graphql(`
  mutation Logout {
    logout
  }
`);

export function useLogout() {
  return useMutation(LogoutMutation);
}
