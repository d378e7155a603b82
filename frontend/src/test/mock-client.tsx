import { Client, makeErrorResult, makeResult, type Exchange, type Operation } from '@urql/core';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { Provider } from 'urql';
import { filter, fromPromise, mergeMap, pipe } from 'wonka';

/** GraphQL errors the server answers with (no data), as in `{"data": null, "errors": [...]}`. */
export class GraphQLErrorsAnswer {
  constructor(readonly errors: { message: string; extensions?: Record<string, unknown> }[]) {}
}

/** What a test answers for one operation: data, GraphQL errors, or an Error for a network failure. */
export type Answer = Record<string, unknown> | GraphQLErrorsAnswer | Error;
export type Handler = (operation: Operation) => Answer | Promise<Answer>;

/**
 * A real urql Client whose only exchange answers from `handler`, recording every
 * operation it sees (and in `teardowns` every one cancelled, as the fetch exchange would
 * abort its request), so component tests exercise the real hooks and cache policy.
 */
export function createMockClient(handler: Handler) {
  const operations: Operation[] = [];
  const teardowns: Operation[] = [];
  const exchange: Exchange = () => (ops$) =>
    pipe(
      ops$,
      filter((op) => {
        if (op.kind === 'teardown') teardowns.push(op);
        return op.kind !== 'teardown';
      }),
      mergeMap((op) => {
        operations.push(op);
        return fromPromise(
          Promise.resolve(handler(op)).then((answer) => {
            if (answer instanceof Error) return makeErrorResult(op, answer);
            if (answer instanceof GraphQLErrorsAnswer) return makeResult(op, { data: null, errors: answer.errors });
            return makeResult(op, { data: answer });
          }),
        );
      }),
    );
  const client = new Client({ url: '/graphql/', exchanges: [exchange] });
  return { client, operations, teardowns };
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
