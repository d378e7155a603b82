import type { CombinedError } from '@urql/core';

/** A sentence a person can act on, from a urql error. */
export function describeError(error: CombinedError): string {
  if (error.networkError?.name === 'RequestTimeoutError') {
    return `${error.networkError.message} It may be busy; retry in a moment.`;
  }
  if (error.networkError) {
    return 'The server could not be reached. Check your connection, then retry.';
  }
  const messages = error.graphQLErrors.map((e) => e.message).filter(Boolean);
  return messages.length ? messages.join(' ') : 'Something went wrong. Retry in a moment.';
}
