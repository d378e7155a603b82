import { graphql } from '@/gql';

/** Upload a file and inspect it without importing (the job is STAGED). */
export const StageImportMutation = graphql(`
  mutation StageImport($file: Upload!, $options: ImportOptionsInput) {
    stageImport(file: $file, options: $options) {
      __typename
      ... on ImportJob {
        ...ImportJobFields
        ...ImportInspectionFields
      }
      ... on OperationInfo {
        messages {
          kind
          message
          field
          code
        }
      }
    }
  }
`);
