import { graphql } from '@/gql';
import type { StageImportMutation as StageImportResult } from '@/gql/graphql';

/** Upload a file and inspect it without importing (the job is STAGED; sent with `useUpload`). */
export const StageImportMutation = graphql(`
  mutation StageImport($file: Upload!, $options: ImportOptionsInput, $dryRun: Boolean) {
    stageImport(file: $file, options: $options, dryRun: $dryRun) {
      __typename
      ...ImportInspectionFields
      ...OperationInfoFields
    }
  }
`);

/** A job whose file was uploaded and inspected, waiting for its columns to be confirmed. */
export type StagedJob = Extract<StageImportResult['stageImport'], { __typename: 'ImportJob' }>;
