import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const CreateWebhookMutation = graphql(`
  mutation CreateWebhook($input: WebhookInput!) {
    createWebhook(input: $input) {
      __typename
      ... on Webhook {
        ...WebhookFields
      }
      ...OperationInfoFields
    }
  }
`);

export function useCreateWebhook() {
  return useMutation(CreateWebhookMutation);
}
