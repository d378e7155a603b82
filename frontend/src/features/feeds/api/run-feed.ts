import { useMutation } from 'urql';
import { graphql } from '@/gql';

export const RunFeedMutation = graphql(`
  mutation RunFeed($id: ID!) {
    runFeed(id: $id) {
      __typename
      ... on FeedRun {
        ...FeedRunFields
      }
      ...OperationInfoFields
    }
  }
`);

export function useRunFeed() {
  return useMutation(RunFeedMutation);
}
