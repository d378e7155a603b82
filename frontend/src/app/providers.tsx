import { useCallback, useState, type ReactNode } from 'react';
import { Provider } from 'urql';
import { AuthProvider } from '@/features/auth/components/auth-provider';
import { createGraphqlClient } from '@/lib/graphql-client';

/** The GraphQL client and the signed-in state, for the whole app. */
export function AppProviders({ children }: { children: ReactNode }) {
  const [client, setClient] = useState(createGraphqlClient);
  const renewClient = useCallback(() => setClient(createGraphqlClient()), []);
  return (
    <Provider value={client}>
      <AuthProvider onSignIn={renewClient}>{children}</AuthProvider>
    </Provider>
  );
}
