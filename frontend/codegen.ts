import type { CodegenConfig } from '@graphql-codegen/cli';
import { readFileSync } from 'node:fs';

// Types come only from here: the schema the backend exports and the documents
// written with `graphql()` in src/features/*/api/. Output is src/gql/ (generated,
// committed, never edited by hand).
const schemaFile = '../schema.graphql';
const schemaText = readFileSync(schemaFile, 'utf8');

// Until an API is merged into main, a snapshot of its branch's schema stands in
// for it (see schema-pending/README.md); the real schema wins as soon as it has it.
const pending = [
  { marker: 'importProgress(', file: 'schema-pending/imports.graphql' },
  { marker: 'webhookDeliveries(', file: 'schema-pending/webhooks.graphql' },
]
  .filter(({ marker }) => !schemaText.includes(marker))
  .map(({ file }) => file);
if (pending.length) console.warn(`codegen: ../schema.graphql lacks some APIs; using previews ${pending.join(', ')}`);

const config: CodegenConfig = {
  schema: [schemaFile, ...pending],
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: false,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { DateTime: 'string', Date: 'string', Time: 'string', Upload: 'File', ID: 'string', JSON: 'unknown' },
      },
    },
  },
};

export default config;
