import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Operation } from '@urql/core';
import { CheckColumns } from '@/features/imports/components/check-columns';
import { ResumeCheck } from '@/features/imports/components/resume-check';
import type { StagedJob } from '@/features/imports/api/stage-import';
import { importJob } from '@/features/imports/test/import-job';
import { createMockClient, operationName, withProviders } from '@/test/mock-client';

/** A staged file whose columns are all found: nothing to fix before starting. */
function stagedJob(overrides: Record<string, unknown> = {}): StagedJob {
  return {
    ...importJob({ id: 'SW1wb3J0Sm9iOjk=', status: 'STAGED', fileName: 'erp.csv', fileSize: 40 }),
    format: 'CSV',
    compression: null,
    encoding: 'utf-8',
    delimiter: ',',
    sheet: null,
    sheetNames: [],
    headerRow: 1,
    headers: ['sku', 'active'],
    rowEstimate: 1,
    mappingSource: 'DETECTED',
    mapping: { __typename: 'ColumnMapping', sku: 'sku', name: null, description: null, active: 'active' },
    suggestedMapping: { __typename: 'ColumnMapping', sku: 'sku', name: null, description: null, active: 'active' },
    mappingProblem: null,
    columnNotes: [],
    previewRows: [],
    ...overrides,
  } as unknown as StagedJob;
}

const choicesSent = (operations: Operation[]) =>
  operations
    .filter((o) => operationName(o) === 'ChooseImportSync')
    .map((o) => (o.variables as { options: Record<string, unknown> }).options);

describe('sync choices on the check step', () => {
  it('are kept on the staged job as they are made, with no message before Start', async () => {
    const job = stagedJob();
    const { client, operations } = createMockClient((op) =>
      operationName(op) === 'ChooseImportSync'
        ? { chooseImportSync: { ...job, ...(op.variables as { options: object }).options } }
        : {},
    );
    render(withProviders(<CheckColumns job={job} onCancelled={vi.fn()} />, client));
    const user = userEvent.setup();

    await user.selectOptions(screen.getByLabelText('Rows in the file'), 'UPDATE_ONLY');
    await user.selectOptions(screen.getByLabelText('Products the file does not list'), 'DEACTIVATE');
    await user.selectOptions(screen.getByLabelText('Which products may be removed'), 'SOURCE');
    await user.type(screen.getByLabelText('Source'), 'erp');

    await waitFor(() =>
      expect(choicesSent(operations).at(-1)).toEqual({
        mode: 'UPDATE_ONLY',
        missing: 'DEACTIVATE',
        missingScope: 'SOURCE',
        source: 'erp',
      }),
    );
    // Each save waits for the one before: the last one sent holds the latest choices.
    expect(choicesSent(operations).length).toBeLessThanOrEqual(6);
    expect(operations.some((o) => operationName(o) === 'InspectImport')).toBe(false);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.queryByText(/source/i, { selector: '.field-error, [id$="-error"]' })).not.toBeInTheDocument();
  });

  it('are where the person left them after a reload', async () => {
    const kept = stagedJob({ mode: 'UPDATE_ONLY', missing: 'DEACTIVATE', missingScope: 'SOURCE', source: 'erp' });
    const { client } = createMockClient(() => ({ importJob: kept }));
    render(
      withProviders(<ResumeCheck id={kept.id} onStarted={vi.fn()} onCancelled={vi.fn()} onLeave={vi.fn()} />, client),
    );

    expect(await screen.findByLabelText('Rows in the file')).toHaveValue('UPDATE_ONLY');
    expect(screen.getByLabelText('Products the file does not list')).toHaveValue('DEACTIVATE');
    expect(screen.getByLabelText('Which products may be removed')).toHaveValue('SOURCE');
    expect(screen.getByLabelText('Source')).toHaveValue('erp');
  });
});
