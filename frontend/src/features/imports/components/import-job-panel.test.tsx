import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ImportJobPanel } from '@/features/imports/components/import-job-panel';
import { importJob } from '@/features/imports/test/import-job';
import { createMockClient, operationName, withProviders } from '@/test/mock-client';

const base = importJob({ fileName: 'catalogue.csv.gz', startedAt: '2026-01-02T10:00:01Z' });
const noErrors = { __typename: 'ImportRowErrorConnection', totalCount: 0, edges: [] };

describe('live import progress', () => {
  it('falls back to polling importJob every second when the WebSocket fails', async () => {
    let polls = 0;
    const { client, operations } = createMockClient((op) => {
      if (operationName(op) === 'ImportProgress') return new Error('WebSocket connection failed');
      polls += 1;
      const done = polls >= 3;
      return {
        importJob: {
          ...base,
          status: done ? 'COMPLETED' : 'PROCESSING',
          progress: done ? 100 : 40,
          bytesProcessed: done ? 1000 : 400,
          rowsProcessed: done ? 10 : 4,
          createdCount: done ? 8 : 3,
          errorCount: done ? 2 : 0,
          finishedAt: done ? '2026-01-02T10:00:05Z' : null,
          errors: done
            ? {
                __typename: 'ImportRowErrorConnection',
                totalCount: 2,
                edges: [
                  { node: { line: 3, sku: 'X-1', message: 'name is empty' } },
                  { node: { line: 7, sku: null, message: 'expected 2 fields, found 3' } },
                ],
              }
            : noErrors,
        },
      };
    });
    render(withProviders(<ImportJobPanel id={base.id} />, client));

    const bar = await screen.findByRole('progressbar', { name: 'Import progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '40');
    expect(screen.getByText('Processing')).toBeInTheDocument();
    expect(operations.some((op) => operationName(op) === 'ImportProgress')).toBe(true);

    await waitFor(() => expect(screen.getByText('Completed')).toBeInTheDocument(), { timeout: 4000 });
    expect(screen.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', '100');
    expect(screen.getByText(/Import finished: 8 created/)).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Rows skipped' })).toHaveTextContent('expected 2 fields, found 3');
    expect(screen.getByRole('link', { name: 'Download errors.csv' })).toHaveAttribute(
      'href',
      `/imports/${encodeURIComponent(base.id)}/errors.csv`,
    );
    expect(screen.queryByRole('button', { name: 'Cancel import' })).not.toBeInTheDocument();
  });

  it('shows pushed progress from the subscription, with Cancel while it runs', async () => {
    const { client } = createMockClient((op) => {
      if (operationName(op) === 'ImportProgress')
        return {
          importProgress: { ...base, status: 'PROCESSING', progress: 63, bytesProcessed: 630, rowsProcessed: 6300 },
        };
      return {
        importJob: { ...base, startedAt: null, errors: noErrors },
      };
    });
    render(withProviders(<ImportJobPanel id={base.id} />, client));
    await waitFor(() =>
      expect(screen.getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('aria-valuenow', '63'),
    );
    expect(screen.getByText('Processing')).toBeInTheDocument();
    expect(screen.getByText('6,300')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel import' })).toBeEnabled();
  });

  it('explains a failed file in words', async () => {
    const { client } = createMockClient(() => ({
      importJob: {
        ...base,
        status: 'FAILED',
        progress: 10,
        bytesProcessed: 100,
        rowsProcessed: 0,
        finishedAt: '2026-01-02T10:00:02Z',
        errorMessage: 'Line 1: the header has no "sku" column.',
        errors: noErrors,
      },
    }));
    render(withProviders(<ImportJobPanel id={base.id} />, client));
    expect(await screen.findByText('Failed')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Line 1: the header has no "sku" column.');
  });
});

describe('import panel words and confirmations', () => {
  it('a completed import says how it completed when the job says so', async () => {
    const note =
      'Same file as import #7, with the same options, and no product has changed since: every row is unchanged (the rows were not read again).';
    const { client } = createMockClient(() => ({
      importJob: {
        ...base,
        status: 'COMPLETED',
        progress: 100,
        bytesProcessed: 1000,
        rowsProcessed: 5,
        unchangedCount: 5,
        notice: note,
        finishedAt: '2026-01-02T10:00:02Z',
        errors: noErrors,
      },
    }));
    render(withProviders(<ImportJobPanel id={base.id} />, client));
    const summary = await screen.findByText(/^Import finished/);
    expect(summary).toHaveTextContent('5 unchanged');
    expect(summary).toHaveTextContent(note);
    expect(screen.queryByText(/The file was not imported/)).toBeNull();
  });

  it('a dry run speaks in "would" in the cards and the summary', async () => {
    const { client } = createMockClient(() => ({
      importJob: {
        ...base,
        dryRun: true,
        status: 'COMPLETED',
        progress: 100,
        bytesProcessed: 1000,
        rowsProcessed: 1919,
        createdCount: 1914,
        replacedCount: 3,
        errorCount: 2,
        finishedAt: '2026-01-02T10:00:09Z',
        errors: noErrors,
      },
    }));
    render(withProviders(<ImportJobPanel id={base.id} />, client));
    const summary = await screen.findByText(/^Dry run finished/);
    expect(summary).toHaveTextContent(
      'Dry run finished; no product was changed. Importing this file would create 1,914, update 0 and leave 0 unchanged; ' +
        '3 rows would be replaced by a later row for the same SKU and 2 rows would be skipped.',
    );
    expect(summary).not.toHaveTextContent(/\d created/);
    for (const label of [
      'Would create',
      'Would update',
      'Would stay unchanged',
      'Would be replaced by a later row',
      'Would be skipped',
    ])
      expect(screen.getByText(label)).toBeInTheDocument();
    expect(screen.queryByText('Created')).not.toBeInTheDocument();
  });

  it('a queued job says it waits for earlier imports, not "estimating"', async () => {
    const { client } = createMockClient((op) =>
      operationName(op) === 'ImportProgress'
        ? new Error('no socket')
        : {
            importJob: { ...base, startedAt: null, errors: noErrors },
          },
    );
    render(withProviders(<ImportJobPanel id={base.id} />, client));
    expect(await screen.findByText('Pending')).toBeInTheDocument();
    expect(screen.getByText('Time left').nextElementSibling).toHaveTextContent('waiting for earlier imports');
    expect(screen.queryByText(/estimating/)).not.toBeInTheDocument();
  });

  it('Cancel import asks first, saying how many products already changed and that they stay changed', async () => {
    const running = {
      ...base,
      status: 'PROCESSING',
      progress: 50,
      bytesProcessed: 500,
      rowsProcessed: 450_000,
      createdCount: 400_000,
      updatedCount: 12_345,
    };
    let cancelled = false;
    const { client, operations } = createMockClient((op) => {
      if (operationName(op) === 'ImportProgress') return new Error('no socket');
      if (operationName(op) === 'CancelImport') {
        cancelled = true;
        return { cancelImport: { ...running, status: 'CANCELLED', finishedAt: '2026-01-02T10:01:00Z' } };
      }
      return {
        importJob: {
          ...running,
          ...(cancelled ? { status: 'CANCELLED', finishedAt: '2026-01-02T10:01:00Z' } : {}),
          errors: noErrors,
        },
      };
    });
    render(withProviders(<ImportJobPanel id={base.id} />, client));
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Cancel import' }));
    const dialog = screen.getByRole('dialog', { name: 'Cancel this import?' });
    expect(dialog).toHaveTextContent(
      '412,345 products have already been changed (400,000 created, 12,345 updated) and stay changed',
    );
    expect(operations.some((op) => operationName(op) === 'CancelImport')).toBe(false);
    await user.click(within(dialog).getByRole('button', { name: 'Keep importing' }));
    expect(operations.some((op) => operationName(op) === 'CancelImport')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Cancel import' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Cancel this import?' })).getByRole('button', {
        name: 'Cancel import',
      }),
    );
    await waitFor(() => expect(operations.filter((op) => operationName(op) === 'CancelImport')).toHaveLength(1));
    expect(
      await screen.findByText(/The 412,345 products changed before the cancel .* stay changed/),
    ).toBeInTheDocument();
  });
});
