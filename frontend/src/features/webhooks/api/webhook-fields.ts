import { graphql } from '@/gql';

/** Everything the webhooks page shows about an endpoint. */
export const WebhookFieldsFragment = graphql(`
  fragment WebhookFields on Webhook {
    id
    url
    events
    enabled
    secret
    description
    consecutiveFailures
    disabledReason
    createdAt
    updatedAt
  }
`);
