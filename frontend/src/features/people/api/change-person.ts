import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const ChangeRoleMutation = graphql(`
  mutation ChangeRole($id: ID!, $role: Role!) {
    changeRole(id: $id, role: $role) {
      __typename
      ... on User {
        id
        role
      }
      ...OperationInfoFields
    }
  }
`);

export const DeactivatePersonMutation = graphql(`
  mutation DeactivatePerson($id: ID!) {
    deactivatePerson(id: $id) {
      __typename
      ... on User {
        id
        isActive
      }
      ...OperationInfoFields
    }
  }
`);

export const ReactivatePersonMutation = graphql(`
  mutation ReactivatePerson($id: ID!) {
    reactivatePerson(id: $id) {
      __typename
      ... on User {
        id
        isActive
      }
      ...OperationInfoFields
    }
  }
`);

export function useChangeRole() {
  return useMutation(ChangeRoleMutation);
}

export function useDeactivatePerson() {
  return useMutation(DeactivatePersonMutation);
}

export function useReactivatePerson() {
  return useMutation(ReactivatePersonMutation);
}
