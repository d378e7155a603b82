import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const DeleteWebhookMutation = graphql(`
  mutation DeleteWebhook($id: ID!) {
    deleteWebhook(id: $id) {
      __typename
      ... on Webhook {
        id
      }
      ...OperationInfoFields
    }
  }
`);

export function useDeleteWebhook() {
  return useMutation(DeleteWebhookMutation);
}
