import { CombinedError } from '@urql/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { describeError } from '@/lib/error-message';
import {
  fetchWithTimeout,
  MUTATION_TIMEOUT_MS,
  REQUEST_TIMEOUT_MS,
  RequestTimeoutError,
  timeoutFor,
} from '@/lib/graphql-client';

/** A fetch that never answers until aborted (a server stuck on a locked database). */
const hanging: typeof fetch = (_input, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
  });

describe('requests that take too long', () => {
  afterEach(() => vi.useRealTimers());

  it('fail after the timeout with an error that says so (the page then offers Retry)', async () => {
    vi.useFakeTimers();
    const request = fetchWithTimeout(hanging, () => REQUEST_TIMEOUT_MS)('/graphql/', {
      method: 'POST',
      body: '{"query":"query Products { x }"}',
    });
    const outcome = request.then(
      () => 'answered',
      (error: unknown) => error,
    );
    await vi.advanceTimersByTimeAsync(REQUEST_TIMEOUT_MS - 1);
    await vi.advanceTimersByTimeAsync(1);
    const error = await outcome;
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(describeError(new CombinedError({ networkError: error as Error }))).toBe(
      'The server did not answer within 15 s. It may be busy; retry in a moment.',
    );
  });

  it('give mutations longer than queries, and pass a quick answer through untouched', async () => {
    expect(timeoutFor('{"query":"mutation DeleteAllProducts { x }"}')).toBe(MUTATION_TIMEOUT_MS);
    expect(timeoutFor('{"operationName":"Products","query":"query Products { x }"}')).toBe(REQUEST_TIMEOUT_MS);
    const quick: typeof fetch = async () => new Response('{"data":{}}');
    const response = await fetchWithTimeout(quick, () => 50)('/graphql/', {});
    expect(await response.text()).toBe('{"data":{}}');
  });
});
