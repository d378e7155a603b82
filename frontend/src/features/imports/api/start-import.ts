import { graphql } from '@/gql';

/** Start a staged import with the confirmed options, as a dry run or for real. */
export const StartImportMutation = graphql(`
  mutation StartImport($id: ID!, $options: ImportOptionsInput, $dryRun: Boolean) {
    startImport(id: $id, options: $options, dryRun: $dryRun) {
      __typename
      ...ImportInspectionFields
      ...OperationInfoFields
    }
  }
`);
