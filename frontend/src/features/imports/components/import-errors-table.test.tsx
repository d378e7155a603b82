import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ImportErrorsTable } from '@/features/imports/components/import-errors-table';

const longSku = 'S'.repeat(300);

describe('rows skipped table', () => {
  it('a 300-character SKU folds inside its cell, its full text on hover and keyboard focus', () => {
    const errors = {
      edges: [{ node: { line: 7, sku: longSku, message: 'SKU can be at most 255 characters (got 300).' } }],
    } as unknown as Parameters<typeof ImportErrorsTable>[0]['errors'];
    render(<ImportErrorsTable jobId="job-1" errorCount={1} errors={errors} />);

    const table = screen.getByRole('table', { name: 'Rows skipped' });
    const sku = within(table).getByText(longSku);
    expect(sku).toHaveClass('long-text');
    expect(sku).toHaveAttribute('title', longSku);
    expect(sku).toHaveAttribute('tabindex', '0');
    expect(within(table).getByRole('columnheader', { name: 'Problem' })).toBeInTheDocument();
    expect(within(table).getByText('SKU can be at most 255 characters (got 300).')).toHaveAttribute(
      'title',
      'SKU can be at most 255 characters (got 300).',
    );
  });
});
