import { Client, makeErrorResult, makeResult, type Exchange, type Operation } from '@urql/core';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { Provider } from 'urql';
import { filter, fromPromise, mergeMap, pipe } from 'wonka';

/** GraphQL errors in the answer (`{data: null, errors}`), e.g. UNAUTHENTICATED. */
export class GraphqlErrors {
  constructor(readonly errors: { message: string; extensions?: Record<string, unknown> }[]) {}
}

/** What a test answers for one operation: data, GraphQL errors, or an Error for a network failure. */
export type Answer = Record<string, unknown> | Error | GraphqlErrors;
export type Handler = (operation: Operation) => Answer | Promise<Answer>;

/**
 * A real urql Client whose only exchange answers from `handler`, recording every
 * operation it sees, so component tests exercise the real hooks and cache policy.
 */
export function createMockClient(handler: Handler) {
  const operations: Operation[] = [];
  const exchange: Exchange = () => (ops$) =>
    pipe(
      ops$,
      filter((op) => op.kind !== 'teardown'),
      mergeMap((op) => {
        operations.push(op);
        return fromPromise(
          Promise.resolve(handler(op)).then((answer) =>
            answer instanceof Error
              ? makeErrorResult(op, answer)
              : answer instanceof GraphqlErrors
                ? makeResult(op, { data: null, errors: answer.errors })
                : makeResult(op, { data: answer }),
          ),
        );
      }),
    );
  const client = new Client({ url: '/graphql/', exchanges: [exchange] });
  return { client, operations };
}

/** The operation's name ("Products"), for handlers that switch on it. */
export function operationName(op: Operation): string {
  for (const definition of op.query.definitions) {
    if (definition.kind === 'OperationDefinition' && definition.name) return definition.name.value;
  }
  return '';
}

function LocationProbe() {
  const location = useLocation();
  return <output data-testid="location">{`${location.pathname}${location.search}`}</output>;
}

/** Renders `ui` at `path` inside a router and the mock client; the current URL is in data-testid="location". */
export function withProviders(ui: ReactNode, client: Client, path = '/') {
  return (
    <Provider value={client}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path="*" element={ui} />
        </Routes>
        <LocationProbe />
      </MemoryRouter>
    </Provider>
  );
}
