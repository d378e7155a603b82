import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ImportHistory } from '@/features/imports/components/import-history';
import { ImportJobPanel } from '@/features/imports/components/import-job-panel';
import { ResumeCheck } from '@/features/imports/components/resume-check';
import { importJob } from '@/features/imports/test/import-job';
import { createMockClient, operationName, withProviders } from '@/test/mock-client';

const noErrors = { __typename: 'ImportRowErrorConnection', totalCount: 0, edges: [] };
const staged = importJob({ id: 'U3RhZ2VkOjE=', status: 'STAGED', fileName: 'german.csv', dryRun: true });

/** A staged job as the check step loads it: a mapping the person chose before the reload. */
const inspected = {
  ...staged,
  format: 'CSV',
  compression: null,
  encoding: 'cp1252',
  delimiter: ';',
  sheet: null,
  sheetNames: [],
  headerRow: 2,
  headers: ['Artikel', 'Bezeichnung'],
  rowEstimate: 1,
  mappingSource: 'CHOSEN',
  mapping: { __typename: 'ColumnMapping', sku: 'Artikel', name: 'Bezeichnung', description: null, active: null },
  suggestedMapping: { __typename: 'ColumnMapping', sku: null, name: null, description: null, active: null },
  mappingProblem: null,
  columnNotes: [],
  previewRows: [],
  mode: 'UPDATE_ONLY',
};

describe('coming back to the column check', () => {
  it('a staged job shows no upload progress, time left or red cancel, and offers to continue checking', async () => {
    const onContinue = vi.fn();
    const { client, operations } = createMockClient((op) =>
      operationName(op) === 'CancelImport'
        ? { cancelImport: { ...staged, status: 'CANCELLED' } }
        : { importJob: { ...staged, errors: noErrors } },
    );
    render(withProviders(<ImportJobPanel id={staged.id} onContinue={onContinue} />, client));
    expect(await screen.findByText('Waiting for column check')).toBeInTheDocument();
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.queryByText(/Time left/)).not.toBeInTheDocument();
    expect(screen.queryByText(/0 bytes/)).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel import' })).not.toBeInTheDocument();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Continue checking' }));
    expect(onContinue).toHaveBeenCalledWith(staged.id);
    await user.click(screen.getByRole('button', { name: 'Discard this upload' }));
    await waitFor(() => expect(operations.some((o) => operationName(o) === 'CancelImport')).toBe(true));
  });

  it('History offers "Continue checking" on a staged import', async () => {
    const onContinue = vi.fn();
    const { client } = createMockClient(() => ({
      importJobs: {
        __typename: 'ImportJobConnection',
        totalCount: 1,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: [{ __typename: 'ImportJobEdge', node: staged }],
      },
    }));
    render(
      withProviders(
        <ImportHistory selectedId={null} onSelect={vi.fn()} onContinue={onContinue} refreshKey="" />,
        client,
      ),
    );
    const row = await screen.findByRole('row', { name: /german\.csv/ });
    expect(row).toHaveTextContent('nothing imported until its columns are checked');
    await userEvent.setup().click(within(row).getByRole('button', { name: /Continue checking german\.csv/ }));
    expect(onContinue).toHaveBeenCalledWith(staged.id);
  });

  it('a check loaded again by its URL starts with the mapping and choices made before', async () => {
    const onStarted = vi.fn();
    const { client, operations } = createMockClient((op) =>
      operationName(op) === 'StartImport'
        ? { startImport: { ...inspected, status: 'PENDING' } }
        : { importJob: inspected },
    );
    render(
      withProviders(
        <ResumeCheck id={staged.id} onStarted={onStarted} onCancelled={vi.fn()} onLeave={vi.fn()} />,
        client,
      ),
    );
    expect(await screen.findByRole('heading', { name: 'Check columns' })).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'File column for SKU' })).toHaveValue('Artikel');
    expect(screen.getByText(/You chose a dry run/)).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Dry run' }));
    await waitFor(() => expect(onStarted).toHaveBeenCalled());
    const start = operations.find((o) => operationName(o) === 'StartImport')!;
    expect(start.variables).toMatchObject({
      dryRun: true,
      options: {
        headerRow: 2,
        encoding: 'cp1252',
        delimiter: ';',
        mapping: { sku: 'Artikel', name: 'Bezeichnung', description: null, active: null },
        mode: 'UPDATE_ONLY',
      },
    });
  });

  it('a check that was started since says so instead of showing stale columns', async () => {
    const onLeave = vi.fn();
    const { client } = createMockClient(() => ({ importJob: { ...inspected, status: 'COMPLETED' } }));
    render(
      withProviders(<ResumeCheck id={staged.id} onStarted={vi.fn()} onCancelled={vi.fn()} onLeave={onLeave} />, client),
    );
    expect(await screen.findByText(/no longer waiting for its column check/)).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show it' }));
    expect(onLeave).toHaveBeenCalledWith(staged.id);
  });
});

describe('after a dry run', () => {
  it('imports the same file for real with the same settings, without a new upload', async () => {
    const onSelect = vi.fn();
    const dry = importJob({
      status: 'COMPLETED',
      dryRun: true,
      createdCount: 3,
      startedAt: '2026-01-02T10:00:01Z',
      finishedAt: '2026-01-02T10:00:02Z',
      fileKeptUntil: '2026-01-03T10:00:02Z',
    });
    const { client, operations } = createMockClient((op) =>
      operationName(op) === 'ImportAgain'
        ? { importAgain: { ...dry, id: 'TmV3OjI=', status: 'PENDING', dryRun: false, fileKeptUntil: null } }
        : { importJob: { ...dry, errors: noErrors } },
    );
    render(withProviders(<ImportJobPanel id={dry.id} onSelect={onSelect} />, client));
    const button = await screen.findByRole('button', { name: 'Import this file now with the same settings' });
    await userEvent.setup().click(button);
    await waitFor(() => expect(onSelect).toHaveBeenCalledWith('TmV3OjI='));
    expect(operations.find((o) => operationName(o) === 'ImportAgain')!.variables).toEqual({
      id: dry.id,
      dryRun: false,
    });
  });
});
