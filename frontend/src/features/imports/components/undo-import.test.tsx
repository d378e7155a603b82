import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UndoImport, undoEffect } from '@/features/imports/components/undo-import';
import type { ImportJobFieldsFragment } from '@/gql/graphql';
import { createMockClient, operationName, withProviders } from '@/test/mock-client';

describe('what "Undo import" says it will do', () => {
  it('names only the counts there are, in the singular for one', () => {
    expect(undoEffect({ deleteCount: 0, restoreCount: 1, conflictCount: 0 })).toEqual([
      'This puts back the earlier values of 1 product it changed.',
    ]);
    expect(undoEffect({ deleteCount: 3, restoreCount: 0, conflictCount: 1 })).toEqual([
      'This deletes 3 products the import created.',
      '1 product was written again or deleted since: it is kept as it is and listed as a conflict.',
    ]);
    expect(undoEffect({ deleteCount: 0, restoreCount: 0, conflictCount: 0 })).toEqual([
      'The import changed no product that is still there.',
    ]);
  });

  it('after "Delete all" it says nothing will be deleted, and counts the conflicts', async () => {
    const { client, operations } = createMockClient((op) =>
      operationName(op) === 'RevertPreview'
        ? {
            importJob: {
              __typename: 'ImportJob',
              id: 'job-1',
              revertPreview: { __typename: 'RevertPreview', deleteCount: 0, restoreCount: 0, conflictCount: 47827 },
            },
          }
        : {},
    );
    const job = {
      id: 'job-1',
      kind: 'IMPORT',
      dryRun: false,
      fileName: 'big.csv',
      createdCount: 47827,
      updatedCount: 0,
      revertBlockedReason: null,
    } as unknown as ImportJobFieldsFragment;
    render(withProviders(<UndoImport job={job} onQueued={() => {}} />, client));
    expect(operations.some((op) => operationName(op) === 'RevertPreview')).toBe(false);
    await userEvent.setup().click(screen.getByRole('button', { name: 'Undo import' }));
    const dialog = screen.getByRole('dialog', { name: 'Undo the import of big.csv?' });
    expect(
      await within(dialog).findByText(
        'Nothing the import wrote is still in the catalogue, so undoing it changes no product.',
      ),
    ).toBeInTheDocument();
    expect(dialog).toHaveTextContent('47,827 products were written again or deleted since');
    expect(dialog).not.toHaveTextContent('deletes');
  });
});
