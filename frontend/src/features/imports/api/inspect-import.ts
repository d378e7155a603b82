import { graphql } from '@/gql';

/** Inspect a staged import's stored file again with other options. */
export const InspectImportMutation = graphql(`
  mutation InspectImport($id: ID!, $options: ImportOptionsInput!) {
    inspectImport(id: $id, options: $options) {
      __typename
      ...ImportInspectionFields
      ...OperationInfoFields
    }
  }
`);
