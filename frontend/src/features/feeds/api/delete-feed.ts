import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const DeleteFeedMutation = graphql(`
  mutation DeleteFeed($id: ID!) {
    deleteFeed(id: $id) {
      __typename
      ... on Feed {
        ...FeedFields
      }
      ...OperationInfoFields
    }
  }
`);

export function useDeleteFeed() {
  return useMutation(DeleteFeedMutation);
}
