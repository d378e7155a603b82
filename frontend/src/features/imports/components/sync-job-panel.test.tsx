import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { ImportJobPanel } from '@/features/imports/components/import-job-panel';
import { SyncChoices, type SyncChoicesValue } from '@/features/imports/components/sync-choices';
import { createMockClient, operationName, withProviders } from '@/test/mock-client';
import { SYNC_DEFAULTS } from '@/test/import-sync-defaults';

const base = {
  __typename: 'ImportJob',
  id: 'SW1wb3J0Sm9iOjk=',
  fileName: 'erp.csv',
  fileSize: 1000,
  dryRun: false,
  errorMessage: null,
  notice: null,
  createdAt: '2026-01-02T10:00:00Z',
  startedAt: '2026-01-02T10:00:01Z',
  finishedAt: null,
  progress: 99,
  bytesProcessed: 1000,
  rowsProcessed: 12,
  createdCount: 1,
  updatedCount: 2,
  unchangedCount: 8,
  replacedCount: 0,
  kind: 'IMPORT',
  deletedCount: 0,
  restoredCount: 0,
  conflictCount: 0,
  revertBlockedReason: null,
  changesKeptUntil: null,
  ...SYNC_DEFAULTS,
  reverts: null,
  errorCount: 0,
  errors: { __typename: 'ImportRowErrorConnection', totalCount: 0, edges: [] },
};

const held = {
  ...base,
  status: 'NEEDS_CONFIRMATION',
  mode: 'UPDATE_ONLY',
  missing: 'DELETE',
  skippedCount: 1,
  removalCount: 40,
  removalScopeCount: 200,
  removalSample: ['OLD-1', 'OLD-2'],
  removalHeld: true,
};

describe('a guarded sync in the job panel', () => {
  it('names the numbers of the held removal and confirms it', async () => {
    let confirmed = false;
    const { client, operations } = createMockClient((op) => {
      if (operationName(op) === 'ImportProgress') return new Error('no socket');
      if (operationName(op) === 'ConfirmImport') {
        confirmed = true;
        return { confirmImport: { ...held, status: 'PENDING' } };
      }
      return {
        importJob: confirmed
          ? { ...held, status: 'COMPLETED', deletedCount: 40, finishedAt: '2026-01-02T10:00:09Z', progress: 100 }
          : held,
      };
    });
    render(withProviders(<ImportJobPanel id={base.id} />, client));

    const question = await screen.findByRole('alertdialog', { name: 'Confirm the removal' });
    expect(question).toHaveTextContent(
      'This import would delete 40 of 200 products because the file does not list them; that is 20% of them, more than the 10% you allowed without asking.',
    );
    expect(question).toHaveTextContent('OLD-1, OLD-2');
    expect(screen.getByText('Waiting for your confirmation')).toBeInTheDocument();
    expect(screen.getByText('Left alone by the mode').nextSibling).toHaveTextContent('1');

    await userEvent.click(screen.getByRole('button', { name: 'Delete 40 products' }));
    expect(operations.some((op) => operationName(op) === 'ConfirmImport')).toBe(true);
    await waitFor(() => expect(screen.getByText('Completed')).toBeInTheDocument(), { timeout: 4000 });
    expect(screen.getByText(/40 products not in the file deleted/)).toBeInTheDocument();
  });

  it('cancels a held removal: nothing removed', async () => {
    const { client, operations } = createMockClient((op) => {
      if (operationName(op) === 'ImportProgress') return new Error('no socket');
      if (operationName(op) === 'CancelImport') return { cancelImport: { ...held, status: 'CANCELLED' } };
      return { importJob: held };
    });
    render(withProviders(<ImportJobPanel id={base.id} />, client));
    await userEvent.click(await screen.findByRole('button', { name: 'Remove nothing and end the import' }));
    expect(operations.some((op) => operationName(op) === 'CancelImport')).toBe(true);
  });
});

function Choices({ onValue }: { onValue: (v: SyncChoicesValue) => void }) {
  const [value, setValue] = useState<SyncChoicesValue>({});
  return (
    <SyncChoices
      value={value}
      onChange={(v) => {
        setValue(v);
        onValue(v);
      }}
      errors={{ source: ['Name the source.'] }}
    />
  );
}

describe('the sync choices of the check step', () => {
  it('offers the modes in plain words and the removal options only when removing', async () => {
    let last: SyncChoicesValue = {};
    render(<Choices onValue={(v) => (last = v)} />);
    expect(screen.queryByLabelText('Source')).not.toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Rows in the file'), 'Only update products that already exist');
    await userEvent.selectOptions(screen.getByLabelText('An empty cell'), 'Keep the current value');
    await userEvent.selectOptions(screen.getByLabelText('Products the file does not list'), 'Deactivate them');
    await userEvent.selectOptions(
      screen.getByLabelText('Which products may be removed'),
      'Only products this source created',
    );
    await userEvent.type(screen.getByLabelText(/^Source/), 'acme');
    expect(last).toEqual({
      mode: 'UPDATE_ONLY',
      emptyCells: 'KEEP',
      missing: 'DEACTIVATE',
      missingScope: 'SOURCE',
      source: 'acme',
    });
    expect(screen.getByText('Name the source.')).toBeInTheDocument();
  });
});
