import { useMutation, useQuery } from 'urql';
import { graphql } from '@/gql';

export const InvitationQuery = graphql(`
  query Invitation($token: String!) {
    invitation(token: $token) {
      email
      role
      expiresAt
    }
  }
`);

export const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($token: String!, $username: String!, $password: String!) {
    acceptInvitation(token: $token, username: $username, password: $password) {
      __typename
      ... on User {
        username
      }
      ...OperationInfoFields
    }
  }
`);

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($login: String!) {
    requestPasswordReset(login: $login)
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($uid: String!, $token: String!, $password: String!) {
    resetPassword(uid: $uid, token: $token, password: $password) {
      __typename
      ... on User {
        username
      }
      ...OperationInfoFields
    }
  }
`);

export function useInvitation(token: string) {
  return useQuery({ query: InvitationQuery, variables: { token } });
}

export function useAcceptInvitation() {
  return useMutation(AcceptInvitationMutation);
}

export function useRequestPasswordReset() {
  return useMutation(RequestPasswordResetMutation);
}

export function useResetPassword() {
  return useMutation(ResetPasswordMutation);
}
