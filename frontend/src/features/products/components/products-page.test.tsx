import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { Operation } from '@urql/core';
import { MemoryRouter, Route, Routes, useLocation, useNavigate } from 'react-router';
import { Provider } from 'urql';
import ProductsPage from '@/features/products/components/products-page';
import { RequestTimeoutError } from '@/lib/graphql-client';
import { createMockClient, GraphQLErrorsAnswer, operationName, withProviders } from '@/test/mock-client';

function product(n: number) {
  return {
    __typename: 'Product',
    id: `UHJvZHVjdDo${n}`,
    sku: `SKU-${String(n).padStart(3, '0')}`,
    name: `Product ${n}`,
    description: '',
    active: true,
    createdAt: '2026-01-02T10:00:00Z',
    updatedAt: '2026-01-02T10:00:00Z',
  };
}

/**
 * A fake catalogue of `total` products that honours first/after and last/before offsets;
 * the rows (`Products`) and the total (`ProductsCount`) are asked for separately.
 */
function catalogue(total: number) {
  return (op: Operation) => {
    if (operationName(op) === 'ProductsCount')
      return { products: { __typename: 'ProductConnection', totalCount: total } };
    if (operationName(op) !== 'Products') return {};
    const v = op.variables as { first?: number; after?: string; last?: number; before?: string };
    let start = 0;
    let end = total;
    if (v.after) start = Number(v.after.slice(1)) + 1;
    if (v.before) end = Number(v.before.slice(1));
    if (v.first != null) end = Math.min(end, start + v.first);
    if (v.last != null) start = Math.max(start, end - v.last);
    const edges = Array.from({ length: Math.max(0, end - start) }, (_, i) => ({
      __typename: 'ProductCursorEdge',
      cursor: `c${start + i}`,
      node: product(start + i + 1),
    }));
    return {
      products: {
        __typename: 'ProductConnection',
        pageInfo: {
          __typename: 'PageInfo',
          hasNextPage: end < total,
          hasPreviousPage: start > 0,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: edges.at(-1)?.cursor ?? null,
        },
        edges,
      },
    };
  };
}

const searchOf = (op: Operation) => (op.variables as { filters?: { search?: string } | null }).filters?.search ?? '';

const productQueries = (operations: Operation[]) =>
  operations.filter((op) => operationName(op) === 'Products').map((op) => op.variables);

describe('products page', () => {
  it('applies typed filters after a pause, keeps them in the URL, and sends them to the server', async () => {
    const { client, operations } = createMockClient(catalogue(3));
    render(withProviders(<ProductsPage />, client, '/products'));
    expect(await screen.findByText('3 products')).toBeInTheDocument();

    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Search'), 'budg');
    await user.type(within(screen.getByRole('search')).getByLabelText('SKU'), 'ab');
    // Debounced: one URL change for the whole burst of typing.
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('/products?q=budg&sku=ab'));
    await waitFor(() =>
      expect(productQueries(operations).at(-1)).toMatchObject({
        filters: { search: 'budg', sku: { iContains: 'ab' } },
        first: 25,
      }),
    );
    expect(productQueries(operations).filter((v) => JSON.stringify(v).includes('"bud"'))).toHaveLength(0);

    await user.selectOptions(within(screen.getByRole('search')).getByLabelText('Active'), 'false');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('active=false'));
    expect(productQueries(operations).at(-1)).toMatchObject({ filters: { active: { exact: false } } });
  });

  it('restores the filters from a shared URL', async () => {
    const { client, operations } = createMockClient(catalogue(3));
    render(
      withProviders(<ProductsPage />, client, '/products?q=red+chair&name=smith&description=oak+tab&sort=sku&size=50'),
    );
    expect(await screen.findByText('3 matching products')).toBeInTheDocument();
    expect(screen.getByLabelText('Search')).toHaveValue('red chair');
    expect(within(screen.getByRole('search')).getByLabelText('Name')).toHaveValue('smith');
    const description = within(screen.getByRole('search')).getByLabelText('Description');
    expect(description).toHaveValue('oak tab');
    expect(description).toHaveAttribute('placeholder', 'Words starting with…');
    expect(description).toHaveAccessibleDescription('Every word typed must start a word of the description');
    expect(screen.getByLabelText('Rows per page')).toHaveValue('50');
    expect(screen.getByRole('columnheader', { name: /SKU/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(productQueries(operations)[0]).toEqual({
      filters: { search: 'red chair', name: { iContains: 'smith' }, descriptionWords: 'oak tab' },
      ordering: [{ sku: 'ASC' }],
      first: 50,
    });
  });

  it('pages with first/after, last/before and shows which rows are on screen', async () => {
    const { client, operations } = createMockClient(catalogue(60));
    render(withProviders(<ProductsPage />, client, '/products'));
    const pages = await screen.findByRole('navigation', { name: 'Pages' });
    await waitFor(() => expect(pages).toHaveTextContent('Showing 1–25 of 60'));
    expect(within(pages).getByRole('button', { name: 'Previous' })).toBeDisabled();
    expect(within(pages).getByRole('button', { name: 'First' })).toBeDisabled();

    const user = userEvent.setup();
    await user.click(within(pages).getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(pages).toHaveTextContent('Showing 26–50 of 60'));
    expect(productQueries(operations).at(-1)).toMatchObject({ first: 25, after: 'c24' });
    expect(screen.getAllByRole('row')[1]).toHaveTextContent('SKU-026');

    await user.click(within(pages).getByRole('button', { name: 'Last' }));
    await waitFor(() => expect(pages).toHaveTextContent('Showing 36–60 of 60'));
    expect(productQueries(operations).at(-1)).toMatchObject({ last: 25 });
    expect(within(pages).getByRole('button', { name: 'Next' })).toBeDisabled();

    await user.click(within(pages).getByRole('button', { name: 'Previous' }));
    await waitFor(() => expect(pages).toHaveTextContent('Showing 11–35 of 60'));
    expect(productQueries(operations).at(-1)).toMatchObject({ last: 25, before: 'c35' });

    await user.click(within(pages).getByRole('button', { name: 'First' }));
    await waitFor(() => expect(pages).toHaveTextContent('Showing 1–25 of 60'));
    expect(screen.getByTestId('location')).toHaveTextContent(/^\/products$/);

    await user.selectOptions(within(pages).getByLabelText('Rows per page'), '100');
    await waitFor(() => expect(pages).toHaveTextContent('Showing 1–60 of 60'));
  });

  it('sorts by a column header and flips the direction on a second click', async () => {
    const { client, operations } = createMockClient(catalogue(3));
    render(withProviders(<ProductsPage />, client, '/products'));
    await screen.findByText('3 products');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Name' }));
    await waitFor(() => expect(productQueries(operations).at(-1)).toMatchObject({ ordering: [{ name: 'ASC' }] }));
    await user.click(screen.getByRole('button', { name: 'Name' }));
    await waitFor(() => expect(productQueries(operations).at(-1)).toMatchObject({ ordering: [{ name: 'DESC' }] }));
    expect(screen.getByTestId('location')).toHaveTextContent('sort=-name');
  });

  it('shows a network error with a Retry that asks again', async () => {
    let fail = true;
    const ok = catalogue(2);
    const { client } = createMockClient((op) => (fail ? new Error('Failed to fetch') : ok(op)));
    render(withProviders(<ProductsPage />, client, '/products'));
    expect(await screen.findByRole('alert')).toHaveTextContent('could not be reached');
    fail = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('2 products')).toBeInTheDocument();
  });

  it('shows server validation messages next to the field they concern', async () => {
    const { client } = createMockClient((op) =>
      operationName(op) === 'CreateProduct'
        ? {
            createProduct: {
              __typename: 'OperationInfo',
              messages: [
                {
                  __typename: 'OperationMessage',
                  kind: 'VALIDATION',
                  field: 'sku',
                  message: 'A product with this SKU already exists.',
                  code: 'unique',
                },
                { __typename: 'OperationMessage', kind: 'ERROR', field: null, message: 'Something else.', code: null },
              ],
            },
          }
        : catalogue(0)(op),
    );
    render(withProviders(<ProductsPage />, client, '/products'));
    expect(await screen.findByText('No products yet.')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'New product' }));
    const dialog = screen.getByRole('dialog', { name: 'New product' });
    await user.type(within(dialog).getByLabelText('SKU'), 'abc');
    await user.type(within(dialog).getByLabelText('Name'), 'Thing');
    await user.click(within(dialog).getByRole('button', { name: 'Create product' }));
    const sku = within(dialog).getByLabelText('SKU');
    await waitFor(() => expect(sku).toHaveAttribute('aria-invalid', 'true'));
    expect(sku).toHaveAccessibleDescription('A product with this SKU already exists.');
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Something else.');
  });
});

describe('products page: honest numbers, kept work, history', () => {
  afterEach(() => window.sessionStorage.clear());

  it('while a new search runs, shows that the count is loading instead of the old total', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const all = catalogue(3);
    const one = catalogue(1);
    const { client } = createMockClient(async (op) => {
      const filters = (op.variables as { filters?: { search?: string } | null }).filters;
      if (filters?.search === 'red') {
        await gate;
        return one(op);
      }
      return all(op);
    });
    render(withProviders(<ProductsPage />, client, '/products'));
    expect(await screen.findByText('3 products')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Search'), 'red');
    expect(await screen.findByText('Counting matching products…')).toBeInTheDocument();
    expect(screen.queryByText(/^3 (matching )?products$/)).not.toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Pages' })).toHaveTextContent('Loading…');
    expect(screen.getByRole('table', { name: 'Products' })).toHaveAttribute('aria-busy', 'true');
    release();
    expect(await screen.findByText('1 matching product')).toBeInTheDocument();
  });

  it('shows the rows as soon as they arrive, and the count when it is known', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const all = catalogue(3);
    const one = catalogue(1);
    const { client } = createMockClient(async (op) => {
      const filters = (op.variables as { filters?: { search?: string } | null }).filters;
      if (filters?.search !== 'red') return all(op);
      if (operationName(op) === 'ProductsCount') await gate;
      return one(op);
    });
    render(withProviders(<ProductsPage />, client, '/products'));
    expect(await screen.findByText('3 products')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Search'), 'red');
    // The new rows are on screen and usable while the count is still on its way.
    await waitFor(() => expect(screen.getAllByRole('row')).toHaveLength(2));
    const table = screen.getByRole('table', { name: 'Products' });
    expect(table).toHaveAttribute('aria-busy', 'false');
    expect(screen.getAllByRole('row')[1]).toHaveTextContent('SKU-001');
    expect(screen.getByText('Counting matching products…')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Pages' })).toHaveTextContent('Showing 1–1 of … (counting)');
    release();
    expect(await screen.findByText('1 matching product')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Pages' })).toHaveTextContent('Showing 1–1 of 1');
  });

  it('asks for the count once the rows of its filters are in', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { client, operations } = createMockClient(async (op) => {
      if (searchOf(op) === 'red' && operationName(op) === 'Products') await gate;
      return catalogue(searchOf(op) === 'red' ? 1 : 3)(op);
    });
    render(withProviders(<ProductsPage />, client, '/products'));
    expect(await screen.findByText('3 products')).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Search'), 'red');
    const asked = () => operations.filter((op) => searchOf(op) === 'red').map((op) => operationName(op));
    await waitFor(() => expect(asked()).toContain('Products'));
    // The rows are on their way: the count waits, so it does not take the server's time from them.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(asked()).not.toContain('ProductsCount');
    release();
    await waitFor(() => expect(asked()).toContain('ProductsCount'));
    expect(await screen.findByText('1 matching product')).toBeInTheDocument();
  });

  it('never shows the count of an older filter, and a newer filter cancels the older count', async () => {
    const releases = new Map<string, () => void>();
    const gates = new Map<string, Promise<void>>();
    for (const word of ['re', 'red']) gates.set(word, new Promise((resolve) => releases.set(word, resolve)));
    const { client, operations, teardowns } = createMockClient(async (op) => {
      const search = searchOf(op);
      if (operationName(op) === 'ProductsCount') await gates.get(search);
      // Each filter has a total of its own, so a stale one would be visible.
      return catalogue(search === 're' ? 7 : search === 'red' ? 2 : 3)(op);
    });
    render(withProviders(<ProductsPage />, client, '/products'));
    expect(await screen.findByText('3 products')).toBeInTheDocument();
    const user = userEvent.setup();
    const search = screen.getByLabelText('Search');
    await user.type(search, 're');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('q=re'));
    const asked = (word: string) =>
      new Set(operations.filter((op) => searchOf(op) === word).map((op) => operationName(op)));
    await waitFor(() => expect(asked('re')).toEqual(new Set(['Products', 'ProductsCount'])));
    await user.type(search, 'd');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('q=red'));
    await waitFor(() => expect(asked('red')).toEqual(new Set(['Products', 'ProductsCount'])));

    // The older filter's count, still on its way, was cancelled when the newer filter was asked.
    const olderCount = operations.find((op) => searchOf(op) === 're' && operationName(op) === 'ProductsCount');
    expect(teardowns.map((op) => op.key)).toContain(olderCount?.key);

    releases.get('re')?.(); // the older answer arrives late
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByText(/7 matching products?/)).not.toBeInTheDocument();
    expect(screen.getByText('Counting matching products…')).toBeInTheDocument();
    expect(screen.getByRole('navigation', { name: 'Pages' })).not.toHaveTextContent('7');

    releases.get('red')?.();
    expect(await screen.findByText('2 matching products')).toBeInTheDocument();
    expect(screen.queryByText(/7 matching/)).not.toBeInTheDocument();
  });

  it('a request that fails by timing out shows why, with Retry', async () => {
    let fail = true;
    const ok = catalogue(2);
    const { client } = createMockClient((op) => (fail ? new RequestTimeoutError(15_000) : ok(op)));
    render(withProviders(<ProductsPage />, client, '/products'));
    expect(await screen.findByRole('alert')).toHaveTextContent('The server did not answer within 15 s.');
    fail = false;
    await userEvent.setup().click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('2 products')).toBeInTheDocument();
  });

  it('the first typed change of a filter is one history entry: Back returns to the list as it was', async () => {
    function Probe() {
      const location = useLocation();
      const navigate = useNavigate();
      return (
        <>
          <output data-testid="location">{`${location.pathname}${location.search}`}</output>
          <button type="button" onClick={() => navigate(-1)}>
            Back
          </button>
        </>
      );
    }
    const { client } = createMockClient(catalogue(3));
    render(
      <Provider value={client}>
        <MemoryRouter initialEntries={['/import', '/products?active=true']} initialIndex={1}>
          <Routes>
            <Route path="/products" element={<ProductsPage />} />
            <Route path="*" element={<p>Another page</p>} />
          </Routes>
          <Probe />
        </MemoryRouter>
      </Provider>,
    );
    await screen.findByText('3 matching products');
    const user = userEvent.setup();
    const search = screen.getByLabelText('Search');
    await user.type(search, 'bu');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('q=bu'));
    await user.type(search, 'dget');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('q=budget'));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent(/^\/products\?active=true$/));
    expect(screen.getByLabelText('Search')).toHaveValue('');
  });

  it('Delete all: lowercase says capitals are needed, and Enter confirms once DELETE is typed', async () => {
    const { client, operations } = createMockClient((op) =>
      operationName(op) === 'DeleteAllProducts'
        ? { deleteAllProducts: { __typename: 'DeleteAllProductsPayload', deletedCount: 3 } }
        : catalogue(3)(op),
    );
    render(withProviders(<ProductsPage />, client, '/products'));
    await screen.findByText('3 products');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Delete all products' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete all products?' });
    const field = within(dialog).getByLabelText('Type DELETE to confirm');
    await waitFor(() => expect(field).toHaveFocus());
    await user.type(field, 'delete{Enter}');
    expect(field).toHaveAccessibleDescription(/Type it in capitals: DELETE\./);
    expect(operations.some((op) => operationName(op) === 'DeleteAllProducts')).toBe(false);
    await user.clear(field);
    await user.type(field, 'DELETE{Enter}');
    expect(await screen.findByText('Deleted 3 products.')).toBeInTheDocument();
    expect(operations.filter((op) => operationName(op) === 'DeleteAllProducts')).toHaveLength(1);
  });

  it('a name over 255 characters is not cut: the form says so and sends nothing', async () => {
    const { client, operations } = createMockClient(catalogue(0));
    render(withProviders(<ProductsPage />, client, '/products'));
    await screen.findByText('No products yet.');
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'New product' }));
    const dialog = screen.getByRole('dialog', { name: 'New product' });
    await user.type(within(dialog).getByLabelText('SKU'), 'LONG-1');
    await user.click(within(dialog).getByLabelText('Name'));
    await user.paste('n'.repeat(300));
    expect(within(dialog).getByLabelText('Name')).toHaveValue('n'.repeat(300));
    await user.click(within(dialog).getByRole('button', { name: 'Create product' }));
    expect(within(dialog).getByLabelText('Name')).toHaveAccessibleDescription(
      '300 characters; at most 255. Remove 45.',
    );
    expect(operations.some((op) => operationName(op) === 'CreateProduct')).toBe(false);
  });

  it('a search longer than the server takes says how much to remove, next to the box', async () => {
    const { client } = createMockClient(catalogue(3));
    render(withProviders(<ProductsPage />, client, '/products'));
    expect(await screen.findByText('3 products')).toBeInTheDocument();
    const user = userEvent.setup();
    const search = screen.getByLabelText('Search');
    await user.click(search);
    await user.paste('b'.repeat(201));
    expect(search).toHaveValue('b'.repeat(201));
    expect(search).toHaveAccessibleDescription('201 characters; at most 200. Remove 1.');
  });

  it('a save that meets an expired session keeps the typed changes: the dialog comes back filled after sign-in', async () => {
    const { client, operations } = createMockClient((op) =>
      operationName(op) === 'UpdateProduct'
        ? new GraphQLErrorsAnswer([{ message: 'Sign in first.', extensions: { code: 'UNAUTHENTICATED' } }])
        : catalogue(2)(op),
    );
    const first = render(withProviders(<ProductsPage />, client, '/products'));
    await screen.findByText('2 products');
    const user = userEvent.setup();
    await user.click(screen.getAllByRole('button', { name: /^Edit / })[0]);
    const dialog = screen.getByRole('dialog', { name: 'Edit product SKU-001' });
    await user.clear(within(dialog).getByLabelText('Name'));
    await user.type(within(dialog).getByLabelText('Name'), 'Changed before the session ended');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(operations.some((op) => operationName(op) === 'UpdateProduct')).toBe(true));
    await waitFor(() => expect(window.sessionStorage.length).toBe(1));
    first.unmount(); // the app goes to the sign-in page...

    render(withProviders(<ProductsPage />, client, '/products')); // ...and comes back once signed in
    const restored = await screen.findByRole('dialog', { name: 'Edit product SKU-001' });
    expect(within(restored).getByLabelText('Name')).toHaveValue('Changed before the session ended');
    expect(within(restored).getByText(/Your session had expired, so this was not saved/)).toBeInTheDocument();
    await waitFor(() => expect(window.sessionStorage.length).toBe(0)); // shown once, not on every visit
  });

  it('on a phone the filters fold behind a Filters button, and a select sorts (the cards have no headers)', async () => {
    const { client, operations } = createMockClient(catalogue(3));
    render(withProviders(<ProductsPage />, client, '/products?active=false'));
    await screen.findByText('3 matching products');
    const user = userEvent.setup();
    const toggle = screen.getByRole('button', { name: 'Filters (1)' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    await user.selectOptions(screen.getByLabelText('Sort by'), 'name');
    await waitFor(() => expect(productQueries(operations).at(-1)).toMatchObject({ ordering: [{ name: 'ASC' }] }));
  });
});
