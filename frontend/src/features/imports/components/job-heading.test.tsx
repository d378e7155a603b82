import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ImportHistory } from '@/features/imports/components/import-history';
import { ImportJobPanel } from '@/features/imports/components/import-job-panel';
import type { ImportJobFieldsFragment } from '@/gql/graphql';
import { importJob } from '@/features/imports/test/import-job';
import { createMockClient, operationName, withProviders } from '@/test/mock-client';

const noErrors = { __typename: 'ImportRowErrorConnection', totalCount: 0, edges: [] };

async function headingOf(over: Partial<ImportJobFieldsFragment>) {
  const job = importJob({ status: 'COMPLETED', startedAt: '2026-01-02T10:00:01Z', ...over });
  const { client } = createMockClient((op) =>
    operationName(op) === 'ImportProgress' ? new Error('no socket') : { importJob: { ...job, errors: noErrors } },
  );
  render(withProviders(<ImportJobPanel id={job.id} />, client));
  return (await screen.findByRole('heading', { level: 2, name: new RegExp(escape(over.fileName ?? '')) })).textContent;
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('the job page heading says what the job is', () => {
  it('an uploaded file: "Import of" the file', async () => {
    expect(await headingOf({ origin: 'UPLOAD', fileName: 'catalogue.csv' })).toBe('Import of catalogue.csv');
  });

  it('a direct upload is an import of its file too', async () => {
    expect(await headingOf({ origin: 'DIRECT_UPLOAD', fileName: 'big.csv' })).toBe('Import of big.csv');
  });

  it('a dry run: "Dry run of" the file', async () => {
    expect(await headingOf({ origin: 'UPLOAD', dryRun: true, fileName: 'catalogue.csv' })).toBe(
      'Dry run of catalogue.csv',
    );
  });

  it('an upsertProducts call: its name alone, not "Import of"', async () => {
    expect(await headingOf({ origin: 'API', fileName: 'API upsert of 1,000 products' })).toBe(
      'API upsert of 1,000 products',
    );
  });

  it('a bulk action: its name alone', async () => {
    expect(await headingOf({ origin: 'BULK_ACTION', fileName: 'Deactivate (3 products)' })).toBe(
      'Deactivate (3 products)',
    );
  });

  it('a feed\'s run: "Feed import of" the feed\'s file', async () => {
    expect(await headingOf({ origin: 'FEED', fileName: 'supplier.csv' })).toBe('Feed import of supplier.csv');
  });

  it('a revert: its name alone', async () => {
    expect(await headingOf({ origin: 'REVERT', kind: 'REVERT', fileName: 'Revert of catalogue.csv' })).toBe(
      'Revert of catalogue.csv',
    );
  });

  it('a staged file: "Import of" it', async () => {
    expect(await headingOf({ status: 'STAGED', origin: 'UPLOAD', fileName: 'lieferant.csv' })).toBe(
      'Import of lieferant.csv',
    );
  });

  it('a file staged as a dry run: "Dry run of" it', async () => {
    expect(await headingOf({ status: 'STAGED', origin: 'UPLOAD', dryRun: true, fileName: 'lieferant.csv' })).toBe(
      'Dry run of lieferant.csv',
    );
  });
});

describe('the import history says where a job came from when its name does not', () => {
  it("a feed's import is marked (feed); an upload and an API upsert are not", async () => {
    const nodes = [
      importJob({ id: 'a', origin: 'FEED', fileName: 'supplier.csv', status: 'COMPLETED' }),
      importJob({ id: 'b', origin: 'UPLOAD', fileName: 'catalogue.csv', status: 'COMPLETED' }),
      importJob({ id: 'c', origin: 'API', fileName: 'API upsert of 2 products', status: 'COMPLETED' }),
    ];
    const { client } = createMockClient(() => ({
      importJobs: {
        __typename: 'ImportJobConnection',
        totalCount: nodes.length,
        pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
        edges: nodes.map((node) => ({ __typename: 'ImportJobEdge', node })),
      },
    }));
    render(withProviders(<ImportHistory selectedId={null} onSelect={() => undefined} refreshKey="" />, client));
    const table = await screen.findByRole('table', { name: 'Import history' });

    const cellOf = async (name: RegExp) =>
      within(await within(table).findByRole('row', { name })).getAllByRole('cell')[0];
    expect(await cellOf(/supplier\.csv/)).toHaveTextContent(/^supplier\.csv \(feed\)$/);
    expect(await cellOf(/catalogue\.csv/)).toHaveTextContent(/^catalogue\.csv$/);
    expect(await cellOf(/API upsert of 2 products/)).toHaveTextContent(/^API upsert of 2 products$/);
  });
});
