import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const RedeliverWebhookMutation = graphql(`
  mutation RedeliverWebhook($deliveryId: ID!) {
    redeliverWebhook(deliveryId: $deliveryId) {
      __typename
      ... on WebhookDelivery {
        ...DeliveryFields
      }
      ...OperationInfoFields
    }
  }
`);

export function useRedeliverWebhook() {
  return useMutation(RedeliverWebhookMutation);
}
