import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const UpdateWebhookMutation = graphql(`
  mutation UpdateWebhook($input: WebhookPartialInput!) {
    updateWebhook(input: $input) {
      __typename
      ... on Webhook {
        ...WebhookFields
      }
      ...OperationInfoFields
    }
  }
`);

export function useUpdateWebhook() {
  return useMutation(UpdateWebhookMutation);
}
