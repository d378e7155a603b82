import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Operation } from '@urql/core';
import { ProductFormDialog } from '@/features/products/components/product-form-dialog';
import type { ProductFieldsFragment } from '@/gql/graphql';
import { createMockClient, operationName, withProviders } from '@/test/mock-client';

const seen = {
  __typename: 'Product',
  id: 'UHJvZHVjdDox',
  sku: 'SKU-1',
  name: 'Old name',
  description: '',
  active: true,
  createdAt: '2026-01-02T10:00:00Z',
  updatedAt: '2026-01-02T10:00:00.123456+00:00',
  lastImportLine: null,
  lastImport: null,
} as ProductFieldsFragment;
const current = { ...seen, name: 'Renamed in the other tab', updatedAt: '2026-01-02T11:00:00.654321+00:00' };
const conflict = {
  __typename: 'OperationInfo',
  messages: [
    {
      __typename: 'OperationMessage',
      kind: 'VALIDATION',
      field: 'expectedUpdatedAt',
      code: 'conflict',
      message: 'Someone saved this product after you opened it. Saving would replace the current name.',
    },
  ],
};

/** A server where another tab saved the product after this dialog opened. */
function server(op: Operation) {
  const name = operationName(op);
  if (name === 'CurrentProduct') return { product: current };
  if (name !== 'UpdateProduct') return { product: null };
  const input = (op.variables as { input: Record<string, unknown> }).input;
  if (input.expectedUpdatedAt && input.expectedUpdatedAt !== current.updatedAt) return { updateProduct: conflict };
  return { updateProduct: { ...current, ...input, __typename: 'Product' } };
}

const updates = (operations: Operation[]) =>
  operations
    .filter((op) => operationName(op) === 'UpdateProduct')
    .map((op) => (op.variables as { input: Record<string, unknown> }).input);

describe('product form dialog, product saved elsewhere meanwhile', () => {
  it('sends the version it was opened from; a conflict offers to reload the current values', async () => {
    const { client, operations } = createMockClient(server);
    const onSaved = vi.fn();
    render(withProviders(<ProductFormDialog product={seen} onClose={() => {}} onSaved={onSaved} />, client));
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Description'), 'New text');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText(/Someone saved this product after you opened it/)).toBeInTheDocument();
    expect(updates(operations)[0]).toMatchObject({ name: 'Old name', expectedUpdatedAt: seen.updatedAt });
    expect(onSaved).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Reload the product' }));
    await waitFor(() => expect(screen.getByLabelText('Name')).toHaveValue('Renamed in the other tab'));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(updates(operations)[1]).toMatchObject({
      name: 'Renamed in the other tab',
      expectedUpdatedAt: current.updatedAt,
    });
  });

  it('"Overwrite" saves again without the version, keeping what was typed', async () => {
    const { client, operations } = createMockClient(server);
    const onSaved = vi.fn();
    render(withProviders(<ProductFormDialog product={seen} onClose={() => {}} onSaved={onSaved} />, client));
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Description'), 'New text');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await user.click(await screen.findByRole('button', { name: 'Overwrite' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(updates(operations)[1]).toEqual({
      id: seen.id,
      sku: 'SKU-1',
      name: 'Old name',
      description: 'New text',
      active: true,
    });
  });
});
