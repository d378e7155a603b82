import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { fetchWithCsrf } from '@/lib/csrf';

/** The GraphQL endpoint the playground was served from (`/graphql/`), without its query string. */
export function endpointUrl(location: Location = window.location): string {
  return `${location.origin}${location.pathname}`;
}

/** The same endpoint over WebSocket (`graphql-transport-ws`), for subscriptions. */
export function subscriptionUrl(httpUrl: string): string {
  const url = new URL(httpUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.toString();
}

/**
 * GraphiQL's fetcher for this backend: the session cookie authenticates, and every
 * POST carries the `csrftoken` cookie's current value as `X-CSRFToken` (read per
 * request, since Django rotates it at sign-in). Subscriptions go over WebSocket.
 */
export function createPlaygroundFetcher(url: string = endpointUrl()): Fetcher {
  // No incremental delivery: the server answers plain JSON, never multipart.
  return createGraphiQLFetcher({
    url,
    subscriptionUrl: subscriptionUrl(url),
    fetch: fetchWithCsrf,
    enableIncrementalDelivery: false,
  });
}
