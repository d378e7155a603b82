import { graphql } from '@/gql';

/** Upload a file and queue its import at once (sent with `useUpload`, for its progress). */
export const ImportProductsMutation = graphql(`
  mutation ImportProducts($file: Upload!, $dryRun: Boolean) {
    importProducts(file: $file, dryRun: $dryRun) {
      __typename
      ... on ImportJob {
        ...ImportJobFields
      }
      ...OperationInfoFields
    }
  }
`);
