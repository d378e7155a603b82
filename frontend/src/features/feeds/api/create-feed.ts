import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const CreateFeedMutation = graphql(`
  mutation CreateFeed($input: FeedInput!) {
    createFeed(input: $input) {
      __typename
      ... on Feed {
        ...FeedFields
      }
      ...OperationInfoFields
    }
  }
`);

export function useCreateFeed() {
  return useMutation(CreateFeedMutation);
}
