import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ImportHistory } from '@/features/imports/components/import-history';
import type { ImportJobFieldsFragment } from '@/gql/graphql';
import { createMockClient, withProviders } from '@/test/mock-client';
import { SYNC_DEFAULTS } from '@/test/import-sync-defaults';

const job = (id: string, over: Partial<ImportJobFieldsFragment>): ImportJobFieldsFragment & { __typename: string } => ({
  __typename: 'ImportJob',
  id,
  fileName: `${id}.csv`,
  fileSize: 1000,
  dryRun: false,
  progress: 0,
  bytesProcessed: 0,
  rowsProcessed: 0,
  createdCount: 0,
  updatedCount: 0,
  unchangedCount: 0,
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
  errorMessage: null,
  createdAt: '2026-01-02T10:00:00Z',
  startedAt: null,
  finishedAt: null,
  status: 'PENDING',
  ...over,
});

const page = (nodes: unknown[]) => ({
  importJobs: { __typename: 'ImportJobConnection', totalCount: nodes.length, pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null }, edges: nodes.map((node) => ({ __typename: 'ImportJobEdge', node })) },
});

describe('import history', () => {
  it('a running row shows the live numbers of the panel, and a queued row says it waits', async () => {
    const { client } = createMockClient(() => page([job('queued', {}), job('running', { status: 'PROCESSING', startedAt: '2026-01-02T10:00:01Z' })]));
    const live = job('running', { status: 'PROCESSING', startedAt: '2026-01-02T10:00:01Z', rowsProcessed: 450_000, createdCount: 440_000, updatedCount: 1_000 });
    render(withProviders(<ImportHistory selectedId="running" onSelect={() => undefined} refreshKey="" live={live} />, client));
    const table = await screen.findByRole('table', { name: 'Import history' });
    const running = await within(table).findByRole('row', { name: /running\.csv/ });
    expect(running).toHaveTextContent('450,000');
    expect(running).toHaveTextContent('440,000');
    expect(within(table).getByRole('row', { name: /queued\.csv/ })).toHaveTextContent('Waiting for earlier imports');
  });

  it('while an import waits or runs, the list asks again by itself until it has finished', async () => {
    let calls = 0;
    let firstAt = 0;
    const { client } = createMockClient(() => {
      calls += 1;
      firstAt ||= Date.now();
      return page([Date.now() - firstAt < 1000 ? job('a', { status: 'PROCESSING', rowsProcessed: 10 }) : job('a', { status: 'COMPLETED', rowsProcessed: 20, createdCount: 20, finishedAt: '2026-01-02T10:00:09Z' })]);
    });
    render(withProviders(<ImportHistory selectedId={null} onSelect={() => undefined} refreshKey="" />, client));
    const table = await screen.findByRole('table', { name: 'Import history' });
    await within(table).findByText('Processing');
    await waitFor(() => expect(within(table).getByRole('row', { name: /a\.csv/ })).toHaveTextContent('Completed'), { timeout: 5000 });
    const after = calls;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(calls).toBe(after); // finished: no more polling
  }, 15_000);
});
