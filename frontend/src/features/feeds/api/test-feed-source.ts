import { useMutation } from 'urql';
import { graphql } from '@/gql';
import type { TestFeedSourceMutation as TestFeedSourceResult } from '@/gql/graphql';

/**
 * Reach the source with the form's values (a saved feed's secrets fill what is not typed)
 * and stage its file as an import that is never started: the "Check columns" step reads it.
 */
export const TestFeedSourceMutation = graphql(`
  mutation TestFeedSource($input: FeedInput!, $feedId: ID) {
    testFeedSource(input: $input, feedId: $feedId) {
      __typename
      ... on FeedSourceTest {
        ok
        message
        code
        httpStatus
        size
        contentType
        hostKey
        job {
          ...ImportInspectionFields
        }
      }
      ...OperationInfoFields
    }
  }
`);

/** What a successful call answers. */
export type FeedSourceTest = Extract<TestFeedSourceResult['testFeedSource'], { __typename: 'FeedSourceTest' }>;
/** The staged job of the fetched file. */
export type FeedStagedJob = NonNullable<FeedSourceTest['job']>;

export function useTestFeedSource() {
  return useMutation(TestFeedSourceMutation);
}
