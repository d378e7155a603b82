import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Operation } from '@urql/core';
import ProductsPage from '@/features/products/components/products-page';
import { createMockClient, operationName, withProviders } from '@/test/mock-client';

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

/** A fake catalogue of `total` products that honours first/after and last/before offsets. */
function catalogue(total: number) {
  return (op: Operation) => {
    if (operationName(op) !== 'Products') return {};
    const v = op.variables as { first?: number; after?: string; last?: number; before?: string };
    let start = 0;
    let end = total;
    if (v.after) start = Number(v.after.slice(1)) + 1;
    if (v.before) end = Number(v.before.slice(1));
    if (v.first != null) end = Math.min(end, start + v.first);
    if (v.last != null) start = Math.max(start, end - v.last);
    const edges = Array.from({ length: Math.max(0, end - start) }, (_, i) => ({ __typename: 'ProductCursorEdge', cursor: `c${start + i}`, node: product(start + i + 1) }));
    return {
      products: {
        __typename: 'ProductConnection',
        totalCount: total,
        pageInfo: { __typename: 'PageInfo', hasNextPage: end < total, hasPreviousPage: start > 0, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
        edges,
      },
    };
  };
}

const productQueries = (operations: Operation[]) => operations.filter((op) => operationName(op) === 'Products').map((op) => op.variables);

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
    await waitFor(() => expect(productQueries(operations).at(-1)).toMatchObject({ filters: { search: 'budg', sku: { iContains: 'ab' } }, first: 25 }));
    expect(productQueries(operations).filter((v) => JSON.stringify(v).includes('"bud"'))).toHaveLength(0);

    await user.selectOptions(within(screen.getByRole('search')).getByLabelText('Active'), 'false');
    await waitFor(() => expect(screen.getByTestId('location')).toHaveTextContent('active=false'));
    expect(productQueries(operations).at(-1)).toMatchObject({ filters: { active: { exact: false } } });
  });

  it('restores the filters from a shared URL', async () => {
    const { client, operations } = createMockClient(catalogue(3));
    render(withProviders(<ProductsPage />, client, '/products?q=red+chair&name=smith&sort=sku&size=50'));
    expect(await screen.findByText('3 matching products')).toBeInTheDocument();
    expect(screen.getByLabelText('Search')).toHaveValue('red chair');
    expect(within(screen.getByRole('search')).getByLabelText('Name')).toHaveValue('smith');
    expect(screen.getByLabelText('Rows per page')).toHaveValue('50');
    expect(screen.getByRole('columnheader', { name: /SKU/ })).toHaveAttribute('aria-sort', 'ascending');
    expect(productQueries(operations)[0]).toEqual({ filters: { search: 'red chair', name: { iContains: 'smith' } }, ordering: [{ sku: 'ASC' }], first: 50 });
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
        ? { createProduct: { __typename: 'OperationInfo', messages: [{ __typename: 'OperationMessage', kind: 'VALIDATION', field: 'sku', message: 'A product with this SKU already exists.', code: 'unique' }, { __typename: 'OperationMessage', kind: 'ERROR', field: null, message: 'Something else.', code: null }] } }
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
