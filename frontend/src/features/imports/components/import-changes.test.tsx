import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ImportChanges } from '@/features/imports/components/import-changes';
import { UndoImport } from '@/features/imports/components/undo-import';
import { createMockClient, operationName, withProviders } from '@/test/mock-client';

const JOB_ID = 'SW1wb3J0Sm9iOjE=';
const values = (sku: string, name: string, description: string, active: boolean) => ({
  __typename: 'ProductValues',
  sku,
  name,
  description,
  active,
});
const created = {
  __typename: 'ImportChange',
  id: 'c1',
  kind: 'CREATED',
  line: 2,
  sku: 'NEW-1',
  changedFields: ['sku', 'name', 'description', 'active'],
  product: { __typename: 'Product', id: 'p1' },
  before: null,
  after: values('NEW-1', 'New one', '', true),
};
const updated = {
  __typename: 'ImportChange',
  id: 'c2',
  kind: 'UPDATED',
  line: 3,
  sku: 'OLD-1',
  changedFields: ['name'],
  product: { __typename: 'Product', id: 'p2' },
  before: values('OLD-1', 'Old name', 'same', true),
  after: values('OLD-1', 'New name', 'same', true),
};

function page(nodes: object[], total: number) {
  return {
    importJob: {
      __typename: 'ImportJob',
      id: JOB_ID,
      changes: {
        __typename: 'ImportChangeConnection',
        totalCount: total,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: nodes.map((node) => ({ __typename: 'ImportChangeEdge', node })),
      },
    },
  };
}

describe('import changes', () => {
  it('lists changes with before -> after, marks the changed fields, and filters by kind', async () => {
    const { client, operations } = createMockClient((op) =>
      op.variables?.kind === 'UPDATED' ? page([updated], 1) : page([created, updated], 2),
    );
    render(withProviders(<ImportChanges jobId={JOB_ID} dryRun={false} />, client));

    const table = await screen.findByRole('table', { name: 'Changes' });
    expect(screen.getByText('1–2 of 2 changes, in file order.')).toBeInTheDocument();
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('Created');
    expect(rows[1]).toHaveTextContent('Old name → New name');
    // Only the changed field of an update is listed, and it is marked.
    expect(rows[1].querySelectorAll('li')).toHaveLength(1);
    expect(rows[1].querySelector('li.changed')).toHaveTextContent('(changed)');

    await userEvent.selectOptions(screen.getByLabelText('Show'), 'Updated only');
    await waitFor(() =>
      expect(within(screen.getByRole('table', { name: 'Changes' })).getAllByRole('row')).toHaveLength(2),
    );
    const kinds = operations.filter((op) => operationName(op) === 'ImportChanges').map((op) => op.variables?.kind);
    expect([kinds[0], kinds[kinds.length - 1]]).toEqual([null, 'UPDATED']);
    expect(screen.getByRole('link', { name: 'Download changes.csv' })).toHaveAttribute(
      'href',
      `/imports/${encodeURIComponent(JOB_ID)}/changes.csv`,
    );
  });
});

describe('undo import', () => {
  const job = {
    __typename: 'ImportJob',
    id: JOB_ID,
    kind: 'IMPORT',
    dryRun: false,
    fileName: 'cat.csv',
    createdCount: 30,
    updatedCount: 2,
    revertBlockedReason: null,
  } as never;

  it('asks with the counts, then queues the revert and hands over its id', async () => {
    const onQueued = vi.fn();
    const { client, operations } = createMockClient((op) =>
      operationName(op) === 'RevertPreview'
        ? {
            importJob: {
              __typename: 'ImportJob',
              id: JOB_ID,
              revertPreview: { __typename: 'RevertPreview', deleteCount: 30, restoreCount: 2, conflictCount: 0 },
            },
          }
        : { revertImport: { __typename: 'ImportJob', id: 'UmV2ZXJ0OjI=', status: 'PENDING' } },
    );
    render(withProviders(<UndoImport job={job} onQueued={onQueued} />, client));

    await userEvent.click(screen.getByRole('button', { name: 'Undo import' }));
    const dialog = screen.getByRole('dialog');
    await waitFor(() => expect(dialog).toHaveTextContent('deletes 30 products the import created'));
    expect(dialog).toHaveTextContent('the earlier values of 2 products it changed');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Undo import' }));
    await waitFor(() => expect(onQueued).toHaveBeenCalledWith('UmV2ZXJ0OjI='));
    // The counts are asked when the dialog opens; the revert is queued once.
    expect(operations.map(operationName)[0]).toBe('RevertPreview');
    expect(operations.map(operationName).filter((name) => name === 'RevertImport')).toHaveLength(1);
  });

  it('says why an import cannot be undone instead of offering it', () => {
    const { client } = createMockClient(() => ({}));
    render(
      withProviders(
        <UndoImport
          job={{ ...(job as object), revertBlockedReason: 'This import has already been reverted.' } as never}
          onQueued={() => {}}
        />,
        client,
      ),
    );
    expect(screen.getByText('This import has already been reverted.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Undo import' })).not.toBeInTheDocument();
  });
});
