import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ImportHistory } from '@/features/imports/components/import-history';
import type { ImportJobFieldsFragment } from '@/gql/graphql';
import { importJob } from '@/features/imports/test/import-job';
import { createMockClient, withProviders } from '@/test/mock-client';

const job = (id: string, over: Partial<ImportJobFieldsFragment>) => importJob({ id, fileName: `${id}.csv`, ...over });

const page = (nodes: unknown[], endCursor: string | null = null) => ({
  importJobs: {
    __typename: 'ImportJobConnection',
    totalCount: nodes.length,
    pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor },
    edges: nodes.map((node) => ({ __typename: 'ImportJobEdge', node })),
  },
});

describe('import history', () => {
  it('a revert shows its own numbers (deleted, restored, conflicts), not file size and import counts', async () => {
    const { client } = createMockClient(() =>
      page([
        job('undo', {
          kind: 'REVERT',
          status: 'COMPLETED',
          fileName: 'Revert of big.csv',
          fileSize: 0,
          rowsProcessed: 150,
          deletedCount: 0,
          restoredCount: 3,
          conflictCount: 147,
          finishedAt: '2026-01-02T10:00:09Z',
        }),
      ]),
    );
    render(withProviders(<ImportHistory selectedId={null} onSelect={() => undefined} refreshKey="" />, client));
    const table = await screen.findByRole('table', { name: 'Import history' });
    const row = await within(table).findByRole('row', { name: /Revert of big\.csv/ });
    expect(row).toHaveTextContent('0 deleted · 3 restored · 147 conflicts');
    expect(row).not.toHaveTextContent('0 bytes');
  });

  it('a running row shows the live numbers of the panel, and a queued row says it waits', async () => {
    const { client } = createMockClient(() =>
      page([job('queued', {}), job('running', { status: 'PROCESSING', startedAt: '2026-01-02T10:00:01Z' })]),
    );
    const live = job('running', {
      status: 'PROCESSING',
      startedAt: '2026-01-02T10:00:01Z',
      rowsProcessed: 450_000,
      createdCount: 440_000,
      updatedCount: 1_000,
    });
    render(
      withProviders(
        <ImportHistory selectedId="running" onSelect={() => undefined} refreshKey="" live={live} />,
        client,
      ),
    );
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
      return page([
        Date.now() - firstAt < 1000
          ? job('a', { status: 'PROCESSING', rowsProcessed: 10 })
          : job('a', { status: 'COMPLETED', rowsProcessed: 20, createdCount: 20, finishedAt: '2026-01-02T10:00:09Z' }),
      ]);
    });
    render(withProviders(<ImportHistory selectedId={null} onSelect={() => undefined} refreshKey="" />, client));
    const table = await screen.findByRole('table', { name: 'Import history' });
    await within(table).findByText('Processing');
    await waitFor(() => expect(within(table).getByRole('row', { name: /a\.csv/ })).toHaveTextContent('Completed'), {
      timeout: 5000,
    });
    const after = calls;
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(calls).toBe(after); // finished: no more polling
  }, 15_000);

  it('"Show more" adds the next imports under the first ones, and goes once there are no more', async () => {
    const { client, operations } = createMockClient((op) => {
      const first = op.variables?.after == null;
      return page(
        [job(first ? 'newest' : 'oldest', { status: 'COMPLETED', finishedAt: '2026-01-02T10:00:09Z' })],
        first ? 'cursor-1' : null,
      );
    });
    render(withProviders(<ImportHistory selectedId={null} onSelect={() => undefined} refreshKey="" />, client));
    const table = await screen.findByRole('table', { name: 'Import history' });
    await within(table).findByRole('row', { name: /newest\.csv/ });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Show more' }));
    await within(table).findByRole('row', { name: /oldest\.csv/ });
    expect(within(table).getByRole('row', { name: /newest\.csv/ })).toBeInTheDocument();
    expect(operations.at(-1)?.variables).toEqual({ first: 20, after: 'cursor-1' });
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument());
  });
});
