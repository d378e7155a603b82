/**
 * A tiny signal between the GraphQL client (which sees every response) and the
 * auth feature (which owns the signed-in state): an UNAUTHENTICATED error means
 * the session expired, so the app sends the person back to sign in.
 */
type Listener = () => void;
const listeners = new Set<Listener>();

export function onUnauthenticated(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function emitUnauthenticated(): void {
  for (const listener of listeners) listener();
}
