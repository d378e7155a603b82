import { useQuery } from 'urql';
import { graphql } from '@/gql';

export const WebhooksQuery = graphql(`
  query Webhooks {
    webhooks {
      ...WebhookFields
    }
  }
`);

const context = { additionalTypenames: ['Webhook'] };

export function useWebhooks() {
  return useQuery({ query: WebhooksQuery, context, requestPolicy: 'cache-and-network' });
}
