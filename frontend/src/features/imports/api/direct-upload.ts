import { useQuery } from 'urql';
import { graphql } from '@/gql';

/** Whether files may go straight to the object store in parts, and the part size. */
export const UploadLimitsQuery = graphql(`
  query UploadLimits {
    uploadLimits {
      directUploads
      partSize
      maxBytes
    }
  }
`);

export function useUploadLimits() {
  return useQuery({ query: UploadLimitsQuery });
}

export const CreateUploadMutation = graphql(`
  mutation CreateUpload($fileName: String!, $size: Float!, $contentType: String) {
    createUpload(fileName: $fileName, size: $size, contentType: $contentType) {
      __typename
      ... on DirectUpload {
        id
        partSize
        partCount
      }
      ...OperationInfoFields
    }
  }
`);

export const UploadPartUrlsQuery = graphql(`
  query UploadPartUrls($id: ID!, $partNumbers: [Int!]!) {
    uploadPartUrls(id: $id, partNumbers: $partNumbers) {
      partNumber
      url
    }
  }
`);

export const UploadedPartsQuery = graphql(`
  query UploadedParts($id: ID!) {
    uploadedParts(id: $id) {
      partNumber
      size
      etag
    }
  }
`);

/** Join the parts and stage the import, as stageImport does with an uploaded file. */
export const CompleteUploadMutation = graphql(`
  mutation CompleteUpload($id: ID!, $parts: [UploadPartInput!]!, $dryRun: Boolean) {
    completeUpload(id: $id, parts: $parts, dryRun: $dryRun) {
      __typename
      ...ImportInspectionFields
      ...OperationInfoFields
    }
  }
`);

export const AbortUploadMutation = graphql(`
  mutation AbortUpload($id: ID!) {
    abortUpload(id: $id) {
      __typename
    }
  }
`);
