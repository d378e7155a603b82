import { createContext, useContext, type ReactNode } from 'react';

/** What the signed-in person's role allows: the root fields the server's rule table lets them call. */
interface Permissions {
  role: string | null;
  /** null outside a PermissionsProvider (component tests): nothing is hidden. */
  allowed: ReadonlySet<string> | null;
}

const PermissionsContext = createContext<Permissions>({ role: null, allowed: null });

const ROLE_LABELS: Record<string, string> = { VIEWER: 'Viewer', EDITOR: 'Editor', ADMIN: 'Admin' };

/** Provided by the auth feature from `me { role allowedOperations }`. */
export function PermissionsProvider({
  roleName,
  allowed,
  children,
}: {
  roleName: string | null;
  allowed: readonly string[];
  children: ReactNode;
}) {
  return (
    <PermissionsContext.Provider value={{ role: roleName, allowed: new Set(allowed) }}>
      {children}
    </PermissionsContext.Provider>
  );
}

/** Whether the signed-in person may call `operation` (a query or mutation name). The server checks again. */
export function useCan(operation: string): boolean {
  const { allowed } = useContext(PermissionsContext);
  return allowed === null || allowed.has(operation);
}

/** Whether each of `operations` may be called (see useCan). */
export function useCanEach(): (operation: string) => boolean {
  const { allowed } = useContext(PermissionsContext);
  return (operation) => allowed === null || allowed.has(operation);
}

/** The signed-in person's role as people read it ("Editor"), or ''. */
export function useRoleLabel(): string {
  const { role } = useContext(PermissionsContext);
  return role ? (ROLE_LABELS[role] ?? role) : '';
}

/** Why a control is disabled: "Needs the Admin role (you are an Editor)." */
export function needsRole(needed: 'Editor' | 'Admin', current: string): string {
  return `Needs the ${needed} role${current ? ` (you are ${/^[AEIOU]/.test(current) ? 'an' : 'a'} ${current})` : ''}.`;
}
