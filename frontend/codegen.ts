import type { CodegenConfig } from '@graphql-codegen/cli';

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
      presetConfig: { fragmentMasking: false },
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
