import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';

export interface DataColumn {
  /** The header: words, or a control such as a sort button. */
  header: ReactNode;
  /** Classes of the header cell (and of its `<col>`): `num`, `hide-narrow`. */
  className?: string;
  /** A longer explanation of the header, shown on hover. */
  title?: string;
  /** A sortable column's `aria-sort`. */
  sort?: 'ascending' | 'descending' | 'none';
  /** The column's width in a fixed layout ('16%', '150px'); given on any column, every column has a `<col>`. */
  width?: string;
}

/** The last column, for each row's buttons: its header is for screen readers only. */
export function actionsColumn(width?: string): DataColumn {
  return { header: <span className="visually-hidden">Actions</span>, width };
}

export interface DataTableProps {
  /** The table's accessible name ("Import history"): how a screen reader, and a test, finds it. */
  label: string;
  columns: readonly DataColumn[];
  /** The rows: one `<tbody>` or more. */
  children: ReactNode;
  /** Under 640 px each row becomes a card (no sideways scrolling); cells say what they are with `data-label`. */
  cards?: boolean;
  /** Rows are being replaced: `aria-busy` on the table, and its rows dimmed. */
  busy?: boolean;
  /** A class for the wrapper (`products-table`). */
  className?: string;
  /** Given: a "Show more" button under the table. */
  onMore?: () => void;
  /** The rows "Show more" asked for are loading. */
  moreBusy?: boolean;
}

/** A table of records with its header row, and "Show more" when there are more. */
export function DataTable({
  label,
  columns,
  children,
  cards = false,
  busy,
  className,
  onMore,
  moreBusy = false,
}: DataTableProps) {
  const wrapClasses = ['table-wrap', className, busy ? 'table-busy' : ''].filter(Boolean).join(' ');
  return (
    <>
      <div className={wrapClasses}>
        <table aria-label={label} aria-busy={busy} className={cards ? 'table-cards' : undefined}>
          {columns.some((column) => column.width) && (
            <colgroup>
              {columns.map((column, index) => (
                <col
                  key={index}
                  className={column.className}
                  style={column.width ? { width: column.width } : undefined}
                />
              ))}
            </colgroup>
          )}
          <thead>
            <tr>
              {columns.map((column, index) => (
                <th key={index} scope="col" className={column.className} title={column.title} aria-sort={column.sort}>
                  {column.header}
                </th>
              ))}
            </tr>
          </thead>
          {children}
        </table>
      </div>
      {onMore && (
        <div className="table-footer">
          <span />
          <Button size="sm" onClick={onMore} busy={moreBusy}>
            Show more
          </Button>
        </div>
      )}
    </>
  );
}
