import { graphql } from '@/gql';

/** What the export dialog shows of an export job. */
export const ExportJobFieldsFragment = graphql(`
  fragment ExportJobFields on ExportJob {
    id
    status
    format
    progress
    rowCount
    totalRows
    fileSize
    errorMessage
    downloadUrl
    createdAt
    finishedAt
    expiresAt
  }
`);
