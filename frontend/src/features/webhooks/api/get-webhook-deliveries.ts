import { useQuery } from 'urql';
import { graphql } from '@/gql';

export const WebhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($webhookId: ID!, $first: Int, $after: String) {
    webhookDeliveries(webhookId: $webhookId, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          ...DeliveryFields
        }
      }
    }
  }
`);

const context = { additionalTypenames: ['WebhookDelivery'] };

/** A webhook's deliveries, newest first. */
export function useWebhookDeliveries(webhookId: string, first: number, after: string | null = null, pause = false) {
  return useQuery({
    query: WebhookDeliveriesQuery,
    variables: { webhookId, first, after },
    context,
    pause,
    requestPolicy: 'cache-and-network',
  });
}
