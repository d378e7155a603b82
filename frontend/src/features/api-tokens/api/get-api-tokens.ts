import { useQuery } from 'urql';
import { graphql } from '@/gql';

export const ApiTokensQuery = graphql(`
  query ApiTokens {
    apiTokens {
      id
      name
      prefix
      createdAt
      lastUsedAt
      scopes
      expiresAt
    }
  }
`);

// Listed with `additionalTypenames` so creating the first token refreshes an empty list.
const context = { additionalTypenames: ['ApiToken'] };

export function useApiTokens() {
  return useQuery({ query: ApiTokensQuery, context, requestPolicy: 'cache-and-network' });
}
