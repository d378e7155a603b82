import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPlaygroundFetcher, subscriptionUrl } from '@/playground/fetcher';

describe('playground fetcher', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.cookie = 'csrftoken=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('posts to the page’s own endpoint with the session and the current CSRF token', async () => {
    document.cookie = 'csrftoken=token-from-cookie; path=/';
    const fetchMock = vi.fn(
      async () =>
        new Response(JSON.stringify({ data: { me: { username: 'ada' } } }), {
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    vi.stubGlobal('fetch', fetchMock);

    const fetcher = createPlaygroundFetcher('http://127.0.0.1:8141/graphql/');
    const result = await fetcher({ query: '{ me { username } }', operationName: null }, {});

    expect(result).toEqual({ data: { me: { username: 'ada' } } });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('http://127.0.0.1:8141/graphql/');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(new Headers(init.headers).get('X-CSRFToken')).toBe('token-from-cookie');
  });

  it('subscribes over WebSocket at the same address', () => {
    expect(subscriptionUrl('http://127.0.0.1:8141/graphql/')).toBe('ws://127.0.0.1:8141/graphql/');
    expect(subscriptionUrl('https://importer.example.com/graphql/')).toBe('wss://importer.example.com/graphql/');
  });
});
