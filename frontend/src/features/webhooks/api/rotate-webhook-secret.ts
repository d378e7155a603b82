import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const RotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      __typename
      ... on Webhook {
        ...WebhookFields
      }
      ...OperationInfoFields
    }
  }
`);

export function useRotateWebhookSecret() {
  return useMutation(RotateWebhookSecretMutation);
}
