import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const UpdateFeedMutation = graphql(`
  mutation UpdateFeed($id: ID!, $input: FeedInput!) {
    updateFeed(id: $id, input: $input) {
      __typename
      ... on Feed {
        ...FeedFields
      }
      ...OperationInfoFields
    }
  }
`);

export function useUpdateFeed() {
  return useMutation(UpdateFeedMutation);
}
