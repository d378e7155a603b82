import { createHash } from 'node:crypto';
import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

// Types come only from here: the schema the backend exports and the documents
// written with `graphql()` in src/features/*/api/. Output is src/gql/ (generated,
// committed, never edited by hand).
const schemaFile = '../schema.graphql';

const config: CodegenConfig = {
  schema: schemaFile,
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      // Every selection asks for __typename, as urql's document cache needs to know which
      // results a mutation makes stale (the server runs the allowlisted text, not urql's).
      documentTransforms: [addTypenameSelectionDocumentTransform],
      // persistedDocuments: each document carries the sha256 of its text (`__meta__.hash`, plain
      // hex as the APQ protocol wants, so no 'sha256:' prefix) and persisted-documents.json maps
      // hash -> text: the server's allowlist, copied into dist/ by `npm run build` (docs/limits.md).
      presetConfig: {
        fragmentMasking: false,
        persistedDocuments: { hashAlgorithm: (text: string) => createHash('sha256').update(text).digest('hex') },
      },
      config: {
        useTypeImports: true,
        // Enums as const objects: their values exist at run time too (lists, pickers), typed as unions.
        enumType: 'const',
        scalars: { DateTime: 'string', Date: 'string', Time: 'string', Upload: 'File', ID: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
