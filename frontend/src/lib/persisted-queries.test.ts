import { createRequest, makeOperation, stringifyDocument } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { ApiTokensDocument } from '@/gql/graphql';
import persistedDocuments from '@/gql/persisted-documents.json';
import { persistedHash, withPersistedText } from '@/lib/graphql-client';

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

describe('persisted queries', () => {
  it('send the codegen hash, and after a miss the very text that hash was made from', async () => {
    const operation = withPersistedText(makeOperation('query', createRequest(ApiTokensDocument, {}), {} as never));
    const text = stringifyDocument(operation.query);

    const hash = await persistedHash(text, operation.query);

    expect(hash).toBe(await sha256(text));
    expect((persistedDocuments as Record<string, string>)[hash]).toBe(text);
  });

  it('hash a document the build does not know by its text', async () => {
    const request = createRequest('query Ad { me { id } }', {});
    const text = stringifyDocument(request.query);

    expect(await persistedHash(text, request.query)).toBe(await sha256(text));
  });
});
