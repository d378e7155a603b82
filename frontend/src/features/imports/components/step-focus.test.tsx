import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CheckColumns } from '@/features/imports/components/check-columns';
import { ImportJobPanel } from '@/features/imports/components/import-job-panel';
import type { StagedJob } from '@/features/imports/api/stage-import';
import { importJob } from '@/features/imports/test/import-job';
import { createMockClient, operationName, withProviders } from '@/test/mock-client';

const noMapping = { __typename: 'ColumnMapping', sku: null, name: null, description: null, active: null };
const staged = {
  ...importJob({ id: 'SW1wb3J0Sm9iOjc=', status: 'STAGED', fileName: 'lieferant.csv', fileSize: 120 }),
  format: 'CSV',
  compression: null,
  encoding: 'utf-8',
  delimiter: ',',
  sheet: null,
  sheetNames: [],
  headerRow: 1,
  headers: ['sku', 'name'],
  rowEstimate: 1,
  mappingSource: 'DETECTED',
  mapping: { ...noMapping, sku: 'sku', name: 'name' },
  suggestedMapping: { ...noMapping, sku: 'sku', name: 'name' },
  mappingProblem: null,
  columnNotes: [],
  previewRows: [],
} as unknown as StagedJob;

const started = importJob({ fileName: 'lieferant.csv', startedAt: '2026-01-02T10:00:01Z' });
const panelServer = (op: Parameters<Parameters<typeof createMockClient>[0]>[0]) =>
  operationName(op) === 'ImportProgress'
    ? new Error('no socket')
    : { importJob: { ...started, errors: { __typename: 'ImportRowErrorConnection', totalCount: 0, edges: [] } } };

describe('keyboard focus follows the import steps', () => {
  it('after "Check columns", focus is on the step\'s heading, not dropped to the page', () => {
    const { client } = createMockClient(() => ({}));
    render(withProviders(<CheckColumns job={staged} onStarted={vi.fn()} onCancelled={vi.fn()} />, client));

    expect(screen.getByRole('heading', { name: 'Check columns' })).toHaveFocus();
  });

  it('after "Start import", focus is on the started import\'s heading', async () => {
    const { client } = createMockClient(panelServer);
    render(withProviders(<ImportJobPanel id={started.id} focusTitle />, client));

    const heading = await screen.findByRole('heading', { name: /Import of lieferant\.csv/ });
    await waitFor(() => expect(heading).toHaveFocus());
  });

  it('a job opened without being started here leaves the focus where it is', async () => {
    const { client } = createMockClient(panelServer);
    render(withProviders(<ImportJobPanel id={started.id} />, client));

    const heading = await screen.findByRole('heading', { name: /Import of lieferant\.csv/ });
    expect(heading).not.toHaveFocus();
  });
});
