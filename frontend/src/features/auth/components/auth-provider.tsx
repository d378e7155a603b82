import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { onUnauthenticated } from '@/lib/auth-events';
import { describeError } from '@/lib/error-message';
import { PermissionsProvider } from '@/lib/permissions';
import { useMe } from '@/features/auth/api/me';
import type { SignedInUserFragment } from '@/gql/graphql';

interface AuthState {
  user: SignedInUserFragment | null;
  signedIn: (user: SignedInUserFragment) => void;
  signedOut: () => void;
}

const AuthContext = createContext<AuthState | null>(null);

/** Asks the server who is signed in, once, and keeps the answer for the whole app. */
export function AuthProvider({ children, onSignIn }: { children: ReactNode; onSignIn?: () => void }) {
  const [{ data, error, fetching }, refetch] = useMe();
  const [user, setUser] = useState<SignedInUserFragment | null | undefined>(undefined);

  useEffect(() => {
    if (data) setUser(data.me ?? null);
  }, [data]);

  // Any UNAUTHENTICATED answer means the session expired: forget the user, and
  // the route guard sends the person to sign in (and back here afterwards).
  useEffect(() => onUnauthenticated(() => setUser(null)), []);

  const signedIn = useCallback(
    (next: SignedInUserFragment) => {
      setUser(next);
      // A fresh client drops answers cached while the session was gone.
      onSignIn?.();
    },
    [onSignIn],
  );
  const signedOut = useCallback(() => setUser(null), []);
  const value = useMemo(() => ({ user: user ?? null, signedIn, signedOut }), [user, signedIn, signedOut]);

  if (user === undefined) {
    if (error && !fetching) {
      return <ErrorState message={describeError(error)} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
    }
    return <LoadingState label="Starting…" />;
  }
  return (
    <AuthContext.Provider value={value}>
      <PermissionsProvider roleName={user?.role ?? null} allowed={user?.allowedOperations ?? []}>
        {children}
      </PermissionsProvider>
    </AuthContext.Provider>
  );
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth must be used inside <AuthProvider>');
  return state;
}
