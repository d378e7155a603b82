import {
  cacheExchange,
  Client,
  type CombinedError,
  fetchExchange,
  mapExchange,
  subscriptionExchange,
} from '@urql/core';
import { createClient as createWsClient, type Client as WsClient } from 'graphql-ws';
import { emitUnauthenticated } from '@/lib/auth-events';
import { fetchWithCsrf } from '@/lib/csrf';

export const GRAPHQL_PATH = '/graphql/';

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

/** Builds the app's urql client: session cookie, CSRF header, subscriptions over graphql-ws. */
export function createGraphqlClient(): Client {
  return new Client({
    url: GRAPHQL_PATH,
    fetch: fetchWithCsrf,
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
