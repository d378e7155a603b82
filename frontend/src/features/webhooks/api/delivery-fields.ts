import { graphql } from '@/gql';

/** One delivery (one event to one endpoint) as the log shows it. */
export const DeliveryFieldsFragment = graphql(`
  fragment DeliveryFields on WebhookDelivery {
    id
    eventId
    eventType
    attempt
    status
    statusCode
    durationMs
    error
    requestBody
    responseBody
    createdAt
    nextAttemptAt
  }
`);
