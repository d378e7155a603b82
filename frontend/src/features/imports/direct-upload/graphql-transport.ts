/**
 * The direct uploader's transport over the app's GraphQL client: the calls of
 * api/direct-upload.ts, and the parts PUT straight to the store (put-part.ts).
 */
import type { Client, CombinedError } from '@urql/core';
import type { CompleteUploadMutation } from '@/gql/graphql';
import { describeError } from '@/lib/error-message';
import { problemText } from '@/lib/operation-info';
import {
  AbortUploadMutation,
  CompleteUploadMutation as CompleteUpload,
  CreateUploadMutation,
  UploadedPartsQuery,
  UploadPartUrlsQuery,
} from '@/features/imports/api/direct-upload';
import { putPart } from './put-part';
import { DirectUploadError, UnknownUploadError, type DirectUploadTransport } from './uploader';

/** What completing the upload answers: the staged import, or why it was refused. */
export type CompletedUpload = CompleteUploadMutation['completeUpload'];

function failure(error: CombinedError): Error {
  return new Error(describeError(error));
}

function isNotFound(error: CombinedError): boolean {
  return error.graphQLErrors.some((e) => e.extensions?.code === 'NOT_FOUND');
}

/** The transport of one upload; `dryRun` travels to the staged import, as with stageImport. */
export function graphqlTransport(
  client: Client,
  { dryRun }: { dryRun: boolean },
): DirectUploadTransport<CompletedUpload> {
  const fresh = { requestPolicy: 'network-only' } as const;
  return {
    async create(file) {
      const variables = { fileName: file.name, size: file.size, contentType: file.type || null };
      const result = await client.mutation(CreateUploadMutation, variables).toPromise();
      if (result.error) throw failure(result.error);
      const answer = result.data!.createUpload;
      if (answer.__typename === 'OperationInfo') throw new DirectUploadError(problemText(answer));
      return { id: answer.id, partSize: answer.partSize };
    },
    async partUrls(id, partNumbers) {
      const result = await client.query(UploadPartUrlsQuery, { id, partNumbers }, fresh).toPromise();
      if (result.error) throw failure(result.error);
      return result.data!.uploadPartUrls;
    },
    async uploadedParts(id) {
      const result = await client.query(UploadedPartsQuery, { id }, fresh).toPromise();
      if (result.error && isNotFound(result.error)) throw new UnknownUploadError(describeError(result.error));
      if (result.error) throw failure(result.error);
      return result.data!.uploadedParts;
    },
    putPart,
    async complete(id, parts) {
      const result = await client.mutation(CompleteUpload, { id, parts, dryRun }).toPromise();
      if (result.error) throw failure(result.error);
      return result.data!.completeUpload;
    },
    async abort(id) {
      await client.mutation(AbortUploadMutation, { id }).toPromise();
    },
  };
}
