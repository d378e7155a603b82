import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ExportProductsButton } from '@/features/products/components/export-products-dialog';
import { createMockClient, operationName, withProviders } from '@/test/mock-client';

const job = {
  __typename: 'ExportJob',
  id: 'RXhwb3J0Sm9iOjc=',
  format: 'XLSX',
  totalRows: null,
  fileSize: 0,
  errorMessage: null,
  downloadUrl: null,
  createdAt: '2026-01-02T10:00:00Z',
  finishedAt: null,
  expiresAt: null,
};

describe('export products', () => {
  it('exports what the filters show as Excel, shows progress, then offers the download', async () => {
    let polls = 0;
    const { client, operations } = createMockClient((op) => {
      if (operationName(op) === 'ExportProducts') {
        return { exportProducts: { ...job, status: 'PENDING', progress: 0, rowCount: 0 } };
      }
      polls += 1;
      if (polls < 3)
        return { exportJob: { ...job, status: 'PROCESSING', progress: 40, rowCount: 400, totalRows: 1000 } };
      return {
        exportJob: {
          ...job,
          status: 'COMPLETED',
          progress: 100,
          rowCount: 1000,
          totalRows: 1000,
          fileSize: 52_000,
          finishedAt: '2026-01-02T10:00:05Z',
          expiresAt: '2026-01-03T10:00:05Z',
          downloadUrl: 'http://127.0.0.1:8000/exports/RXhwb3J0Sm9iOjc=/download',
        },
      };
    });
    const user = userEvent.setup();
    render(withProviders(<ExportProductsButton filters={{ search: 'lamp', active: { exact: true } }} />, client));

    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export products' });
    expect(within(dialog).getByText('The products the current filters show, on every page.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: /Excel workbook/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Start export' }));

    const started = operations.find((op) => operationName(op) === 'ExportProducts');
    expect(started?.variables).toEqual({ filters: { search: 'lamp', active: { exact: true } }, format: 'XLSX' });
    const bar = await within(dialog).findByRole('progressbar', { name: 'Export progress' });
    await waitFor(() => expect(bar).toHaveAttribute('aria-valuenow', '40'));
    expect(within(dialog).getByText(/400 of 1,000 products/)).toBeInTheDocument();

    const link = await within(dialog).findByRole('link', { name: 'Download Excel file' }, { timeout: 4000 });
    expect(link).toHaveAttribute('href', 'http://127.0.0.1:8000/exports/RXhwb3J0Sm9iOjc=/download');
    expect(within(dialog).getByText(/Exported 1,000 products/)).toBeInTheDocument();
    const pollsWhenDone = polls;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(polls).toBe(pollsWhenDone); // polling stops once the export has ended
  }, 15_000);

  it('says why an export failed and offers to start again', async () => {
    const { client } = createMockClient((op) =>
      operationName(op) === 'ExportProducts'
        ? { exportProducts: { ...job, format: 'XLSX', status: 'PENDING', progress: 0, rowCount: 0 } }
        : {
            exportJob: {
              ...job,
              status: 'FAILED',
              progress: 0,
              rowCount: 0,
              errorMessage: "1 product(s) have a description longer than an Excel cell holds: 'huge'.",
            },
          },
    );
    const user = userEvent.setup();
    render(withProviders(<ExportProductsButton filters={null} />, client));

    await user.click(screen.getByRole('button', { name: 'Export' }));
    const dialog = await screen.findByRole('dialog', { name: 'Export products' });
    expect(within(dialog).getByText('Every product in the catalogue.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Start export' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      "The export failed: 1 product(s) have a description longer than an Excel cell holds: 'huge'.",
    );
    await user.click(within(dialog).getByRole('button', { name: 'Export again' }));
    expect(within(dialog).getByRole('radio', { name: /CSV/ })).toBeChecked();
  });
});
