import { graphql } from '@/gql';

/**
 * Keep a staged import's sync choices as they are made, without inspecting its file again:
 * the check step, reloaded, starts from them (startImport checks them whole).
 */
export const ChooseImportSyncMutation = graphql(`
  mutation ChooseImportSync($id: ID!, $options: ImportOptionsInput!) {
    chooseImportSync(id: $id, options: $options) {
      __typename
      ... on ImportJob {
        id
        ...ImportSyncFields
      }
      ...OperationInfoFields
    }
  }
`);
