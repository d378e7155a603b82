import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const TestWebhookMutation = graphql(`
  mutation TestWebhook($id: ID!) {
    testWebhook(id: $id) {
      __typename
      ... on WebhookDelivery {
        ...DeliveryFields
      }
      ...OperationInfoFields
    }
  }
`);

export function useTestWebhook() {
  return useMutation(TestWebhookMutation);
}
