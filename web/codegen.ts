// Operation types for the console, generated from the API's schema snapshot (schema/schema.graphql) and the
// `graphql(…)` documents in web/src: `npm run codegen -w web` (also part of `make schema`). The output in
// web/src/gql/ is committed; test/web/codegen.test.ts fails when it is stale.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  // Only `graphql(…)` calls are documents: the archive builds its record documents at run time (pages/archive/queries.ts).
  pluckConfig: { gqlMagicComment: 'none-codegen', globalGqlIdentifierName: ['graphql'] },
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: { DateTime: 'string' },
      },
    },
  },
};

export default config;
