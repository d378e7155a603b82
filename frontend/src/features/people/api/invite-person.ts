import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const InvitePersonMutation = graphql(`
  mutation InvitePerson($email: String!, $role: Role!) {
    invitePerson(email: $email, role: $role) {
      __typename
      ... on InvitationSent {
        deliveryNote
        link
        invitation {
          id
          email
          role
        }
      }
      ...OperationInfoFields
    }
  }
`);

export function useInvitePerson() {
  return useMutation(InvitePersonMutation);
}
