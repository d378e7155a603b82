import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Operation } from '@urql/core';
import ProductsPage from '@/features/products/components/products-page';
import { createMockClient, operationName, withProviders } from '@/test/mock-client';

const product = (n: number) => ({
  __typename: 'Product',
  id: `P${n}`,
  sku: `TEA-${n}`,
  name: `Tea ${n}`,
  description: '',
  active: true,
  createdAt: '2026-01-02T10:00:00Z',
  updatedAt: '2026-01-02T10:00:00Z',
});

/** Two rows on the page, `total` matching in all. */
function server(total: number) {
  return (op: Operation) => {
    const name = operationName(op);
    if (name === 'ProductsCount') return { products: { __typename: 'ProductConnection', totalCount: total } };
    if (name === 'Products')
      return {
        products: {
          __typename: 'ProductConnection',
          pageInfo: {
            __typename: 'PageInfo',
            hasNextPage: true,
            hasPreviousPage: false,
            startCursor: 'c0',
            endCursor: 'c1',
          },
          edges: [1, 2].map((n) => ({ __typename: 'ProductCursorEdge', cursor: `c${n}`, node: product(n) })),
        },
      };
    if (name === 'SetProductsActive')
      return {
        setProductsActive: {
          __typename: 'SetProductsActiveResult',
          changedCount: total,
          job: { __typename: 'ImportJob', id: 'JOB-1' },
        },
      };
    if (name === 'UndoBulkAction') return { revertImport: { __typename: 'ImportJob', id: 'REVERT-1' } };
    if (name === 'DeleteSelectedProducts')
      return {
        deleteProducts: {
          __typename: 'DeleteProductsResult',
          deletedCount: 1,
          job: { __typename: 'ImportJob', id: 'JOB-DEL' },
        },
      };
    return {};
  };
}

describe('bulk actions on the products page', () => {
  it('deactivates all matching the filter in one call, with the count asked first, then undoes it', async () => {
    const { client, operations } = createMockClient(server(40));
    render(withProviders(<ProductsPage />, client, '/products?q=tea'));
    const user = userEvent.setup();
    await screen.findByText('40 matching products');
    await user.click(screen.getByRole('checkbox', { name: 'Select every product on this page' }));
    const bar = screen.getByRole('region', { name: 'Selected products' });
    expect(bar).toHaveTextContent('2 products selected');
    await user.click(within(bar).getByRole('button', { name: 'Select all 40 products matching this filter' }));
    expect(bar).toHaveTextContent('All 40 matching products selected');
    expect(screen.getByRole('checkbox', { name: 'Select TEA-1' })).toBeChecked();

    await user.click(within(bar).getByRole('button', { name: 'Deactivate' }));
    const dialog = screen.getByRole('dialog', { name: 'Deactivate 40 products?' });
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate 40 products' }));

    const call = operations.find((op) => operationName(op) === 'SetProductsActive')!;
    expect(call.variables).toEqual({ active: false, filters: { search: 'tea' } });
    const done = await screen.findByText(/Deactivated 40 products\./);
    expect(screen.queryByRole('region', { name: 'Selected products' })).not.toBeInTheDocument();

    await user.click(within(done).getByRole('button', { name: 'Undo' }));
    await waitFor(() =>
      expect(operations.find((op) => operationName(op) === 'UndoBulkAction')?.variables).toEqual({ id: 'JOB-1' }),
    );
    expect(await screen.findByRole('link', { name: 'Follow the undo' })).toHaveAttribute(
      'href',
      '/import?job=REVERT-1',
    );
  });

  it('deletes the ticked rows by id, naming the count in the confirmation, and undoes it', async () => {
    const { client, operations } = createMockClient(server(40));
    render(withProviders(<ProductsPage />, client, '/products'));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('checkbox', { name: 'Select TEA-2' }));
    await user.click(
      within(screen.getByRole('region', { name: 'Selected products' })).getByRole('button', { name: 'Delete' }),
    );
    const dialog = screen.getByRole('dialog', { name: 'Delete 1 product?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete 1 product' }));
    const done = await screen.findByText(/Deleted 1 product\./);
    expect(operations.find((op) => operationName(op) === 'DeleteSelectedProducts')?.variables).toEqual({
      ids: ['P2'],
    });
    await user.click(within(done).getByRole('button', { name: 'Undo' }));
    await waitFor(() =>
      expect(operations.find((op) => operationName(op) === 'UndoBulkAction')?.variables).toEqual({ id: 'JOB-DEL' }),
    );
  });

  it('a new filter lets go of the selection', async () => {
    const { client } = createMockClient(server(40));
    render(withProviders(<ProductsPage />, client, '/products'));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('checkbox', { name: 'Select TEA-1' }));
    expect(screen.getByRole('region', { name: 'Selected products' })).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: /search/i }), 'x');
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Selected products' })).not.toBeInTheDocument());
  });
});
