import {
  cacheExchange,
  Client,
  type CombinedError,
  fetchExchange,
  mapExchange,
  subscriptionExchange,
  type Operation,
} from '@urql/core';
import { persistedExchange } from '@urql/exchange-persisted';
import type { DocumentNode } from 'graphql';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { emitUnauthenticated } from '@/lib/auth-events';
import { fetchWithCsrf } from '@/lib/csrf';
import persistedDocuments from '@/gql/persisted-documents.json';

export const GRAPHQL_PATH = '/graphql/';

/** A query that has not answered after this long fails (and the page offers Retry). */
export const REQUEST_TIMEOUT_MS = 15_000;
/**
 * Mutations may legitimately work longer (deleting a whole catalogue on SQLite), and giving
 * up on one does not stop it, so they get more time before the app says it lost track.
 */
export const MUTATION_TIMEOUT_MS = 120_000;

/** The time allowed for one request body: queries REQUEST_TIMEOUT_MS, mutations more. */
export function timeoutFor(body: BodyInit | null | undefined): number {
  return typeof body === 'string' && /"query":"\s*mutation\b/.test(body) ? MUTATION_TIMEOUT_MS : REQUEST_TIMEOUT_MS;
}

/** Raised (as the network error) when the server did not answer within REQUEST_TIMEOUT_MS. */
export class RequestTimeoutError extends Error {
  constructor(ms: number) {
    super(`The server did not answer within ${Math.round(ms / 1000)} s.`);
    this.name = 'RequestTimeoutError';
  }
}

/**
 * `fetch` that gives up after `timeoutMs`: a request the server never answers (a locked
 * database, a proxy that hangs) becomes an error with Retry instead of an endless skeleton.
 */
export function fetchWithTimeout(
  inner: typeof fetch,
  timeoutMs: (body: BodyInit | null | undefined) => number,
): typeof fetch {
  return async (input, init) => {
    const ms = timeoutMs(init?.body);
    const controller = new AbortController();
    const outer = init?.signal;
    const onAbort = () => controller.abort(outer?.reason);
    if (outer?.aborted) controller.abort(outer.reason);
    outer?.addEventListener('abort', onAbort, { once: true });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, ms);
    try {
      return await inner(input, { ...init, signal: controller.signal });
    } catch (error) {
      if (timedOut) throw new RequestTimeoutError(ms);
      throw error;
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    }
  };
}

/** True when any GraphQL error says the caller is not signed in. */
export function isUnauthenticated(error: CombinedError | undefined): boolean {
  return Boolean(error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED'));
}

function websocketUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}${GRAPHQL_PATH}`;
}

let wsClient: WsClient | null = null;

/**
 * The graphql-ws client, created on first use (lazy: it connects only while a
 * subscription runs). The session cookie authenticates the WebSocket. It does not
 * retry for long: the import page falls back to polling instead.
 */
export function getWsClient(): WsClient {
  wsClient ??= createWsClient({
    url: websocketUrl(),
    lazy: true,
    retryAttempts: 1,
    keepAlive: 10_000,
  });
  return wsClient;
}

type PersistedDocument = DocumentNode & { __meta__?: { hash?: string } };
const documentTexts: Record<string, string> = persistedDocuments;

/**
 * Makes urql send a codegen document as the exact text its hash was made from (urql would
 * print the AST its own way): the server then finds it in the allowlist, and a text sent
 * after a PersistedQueryNotFound matches its hash.
 */
export function withPersistedText(operation: Operation): Operation {
  const document = operation.query as PersistedDocument;
  const text = document.__meta__?.hash ? documentTexts[document.__meta__.hash] : undefined;
  const source = document.loc?.source as { body: string } | undefined;
  if (text && source) source.body = text;
  return operation;
}

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The APQ hash: the codegen's (made at build time), else the sha256 of the text sent. */
export function persistedHash(query: string, document: DocumentNode): Promise<string> {
  const hash = (document as PersistedDocument).__meta__?.hash;
  return hash ? Promise.resolve(hash) : sha256Hex(query);
}

/** Builds the app's urql client: session cookie, CSRF header, subscriptions over graphql-ws. */
export function createGraphqlClient(): Client {
  return new Client({
    url: GRAPHQL_PATH,
    fetch: fetchWithTimeout(fetchWithCsrf, timeoutFor),
    preferGetMethod: false,
    exchanges: [
      mapExchange({
        onError(error, operation) {
          // `me` answers null for anonymous callers, so any UNAUTHENTICATED error
          // elsewhere means the session is gone.
          if (isUnauthenticated(error) && operation.kind !== 'teardown') emitUnauthenticated();
        },
      }),
      cacheExchange,
      mapExchange({ onOperation: withPersistedText }),
      // Queries go by hash (GET while the URL is short); the text follows only when the server
      // answers PersistedQueryNotFound. Mutations go as text, the allowlist's own text.
      persistedExchange({ generateHash: persistedHash }),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query ?? '' };
          return {
            subscribe(sink) {
              const unsubscribe = getWsClient().subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
}
