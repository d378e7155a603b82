import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import ProductsPage from '@/features/products/components/products-page';
import { PermissionsProvider } from '@/lib/permissions';
import { createMockClient, operationName, withProviders } from '@/test/mock-client';

const products = () => ({
  products: {
    __typename: 'ProductConnection',
    totalCount: 1,
    pageInfo: {
      __typename: 'PageInfo',
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: 'c0',
      endCursor: 'c0',
    },
    edges: [
      {
        __typename: 'ProductCursorEdge',
        cursor: 'c0',
        node: {
          __typename: 'Product',
          id: 'p1',
          sku: 'SKU-1',
          name: 'Shoe',
          description: '',
          active: true,
          lastImport: null,
          lastImportLine: null,
          createdAt: '2026-01-02T10:00:00Z',
          updatedAt: '2026-01-02T10:00:00Z',
        },
      },
    ],
  },
});

function renderAs(role: string, allowed: string[]) {
  const { client } = createMockClient((op) => (operationName(op).startsWith('Products') ? products() : {}));
  render(
    <PermissionsProvider roleName={role} allowed={allowed}>
      {withProviders(<ProductsPage />, client, '/products')}
    </PermissionsProvider>,
  );
}

describe('products page by role', () => {
  it('shows a viewer no edit, delete, new or delete-all buttons', async () => {
    renderAs('VIEWER', ['products', 'product']);
    const table = await screen.findByRole('table');
    expect(within(table).queryByRole('button', { name: 'Edit SKU-1' })).not.toBeInTheDocument();
    expect(within(table).queryByRole('button', { name: 'Delete SKU-1' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New product' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete all products' })).not.toBeInTheDocument();
  });

  it('lets an editor edit but disables delete all and says why', async () => {
    renderAs('EDITOR', ['products', 'createProduct', 'updateProduct', 'deleteProduct', 'exportProducts']);
    expect(await screen.findByRole('button', { name: 'Edit SKU-1' })).toBeEnabled();
    const deleteAll = screen.getByRole('button', { name: 'Delete all products' });
    expect(deleteAll).toBeDisabled();
    expect(deleteAll).toHaveAttribute('title', 'Needs the Admin role (you are an Editor).');
  });
});
