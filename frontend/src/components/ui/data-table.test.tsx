import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { actionsColumn, DataTable, type DataColumn } from '@/components/ui/data-table';

const columns: DataColumn[] = [
  { header: 'Name', sort: 'ascending' },
  { header: 'Rows', className: 'num', title: 'Rows read so far' },
  actionsColumn(),
];

function Rows() {
  return (
    <tbody>
      <tr>
        <td>a.csv</td>
        <td>10</td>
        <td>
          <button type="button">View</button>
        </td>
      </tr>
    </tbody>
  );
}

describe('a data table', () => {
  it('is found by its name, with a header per column and the actions column named for screen readers', () => {
    render(
      <DataTable label="Import history" columns={columns} cards>
        <Rows />
      </DataTable>,
    );
    const table = screen.getByRole('table', { name: 'Import history' });
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((h) => h.textContent)).toEqual(['Name', 'Rows', 'Actions']);
    expect(headers[0]).toHaveAttribute('aria-sort', 'ascending');
    expect(headers[1]).toHaveAttribute('title', 'Rows read so far');
    expect(within(table).getByRole('row', { name: /a\.csv/ })).toHaveTextContent('10');
    expect(table).not.toHaveAttribute('aria-busy');
    expect(screen.queryByRole('button', { name: 'Show more' })).not.toBeInTheDocument();
  });

  it('says when its rows are being replaced', () => {
    render(
      <DataTable label="Products" columns={columns} busy>
        <Rows />
      </DataTable>,
    );
    expect(screen.getByRole('table', { name: 'Products' })).toHaveAttribute('aria-busy', 'true');
  });

  it('offers "Show more" when there are more rows, busy while they load', async () => {
    const onMore = vi.fn();
    const { rerender } = render(
      <DataTable label="Deliveries" columns={columns} onMore={onMore}>
        <Rows />
      </DataTable>,
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Show more' }));
    expect(onMore).toHaveBeenCalledOnce();
    rerender(
      <DataTable label="Deliveries" columns={columns} onMore={onMore} moreBusy>
        <Rows />
      </DataTable>,
    );
    expect(screen.getByRole('button', { name: 'Show more' })).toBeDisabled();
  });
});
