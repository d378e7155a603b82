import { Button } from '@/components/ui/button';
import { actionsColumn, DataTable, type DataColumn } from '@/components/ui/data-table';
import { useCan } from '@/lib/permissions';
import { StatusBadge } from '@/components/ui/status-badge';
import type { ProductFieldsFragment } from '@/gql/graphql';
import { formatDateTime } from '@/lib/format';
import { ProductProvenance } from '@/features/products/components/product-provenance';
import type { ProductsView, SortField } from '@/features/products/lib/products-view';
import type { ProductSelection } from '@/features/products/components/bulk-actions';

export interface ProductsTableProps {
  products: readonly ProductFieldsFragment[] | null;
  view: ProductsView;
  busy: boolean;
  onSort: (field: SortField) => void;
  onEdit: (product: ProductFieldsFragment) => void;
  onDelete: (product: ProductFieldsFragment) => void;
  /** The ticked products (null: no selection column, for people who cannot change products). */
  selection?: ProductSelection | null;
  onSelect?: (ids: readonly string[], selected: boolean) => void;
}

/** A header that sorts by its column, and says how the rows are sorted (`aria-sort`). */
function sortColumn(
  field: SortField,
  label: string,
  width: string,
  { view, onSort }: Pick<ProductsTableProps, 'view' | 'onSort'>,
): DataColumn {
  const sorted = view.sortField === field;
  return {
    width,
    sort: sorted ? (view.sortDirection === 'ASC' ? 'ascending' : 'descending') : 'none',
    header: (
      <button type="button" className="sort-button" onClick={() => onSort(field)}>
        {label}
        <span className="sort-indicator" aria-hidden="true">
          {sorted ? (view.sortDirection === 'ASC' ? '▲' : '▼') : ''}
        </span>
      </button>
    ),
  };
}

/** The products of one page; keeps its size while the next page loads (no layout jump). */
export function ProductsTable({
  products,
  view,
  busy,
  onSort,
  onEdit,
  onDelete,
  selection = null,
  onSelect,
}: ProductsTableProps) {
  const skeletonRows = Math.min(view.size, 10);
  const pageIds = (products ?? []).map((p) => p.id);
  const allOnPage =
    selection !== null && pageIds.length > 0 && (selection.allMatching || pageIds.every((id) => selection.ids.has(id)));
  const selectColumn: DataColumn[] =
    selection === null
      ? []
      : [
          {
            width: '2.75rem',
            className: 'select-cell',
            header: (
              <input
                type="checkbox"
                aria-label="Select every product on this page"
                checked={allOnPage}
                disabled={selection.allMatching || pageIds.length === 0}
                onChange={(e) => onSelect?.(pageIds, e.target.checked)}
              />
            ),
          },
        ];
  // Widths add up with the fixed columns at 1280 px: the dates and "Written by" are never cut.
  const columns: DataColumn[] = [
    ...selectColumn,
    sortColumn('sku', 'SKU', '14%', { view, onSort }),
    sortColumn('name', 'Name', '20%', { view, onSort }),
    { header: 'Description', className: 'hide-narrow', width: '18%' },
    { header: 'Status', width: '7.5rem' },
    sortColumn('updatedAt', 'Updated', '11.5rem', { view, onSort }),
    { header: 'Written by', className: 'hide-narrow', width: '15%' },
    actionsColumn('9.5rem'),
  ];
  const canEdit = useCan('updateProduct');
  return (
    // Fixed layout keeps columns still while pages change; narrow screens show cards.
    <DataTable label="Products" columns={columns} cards busy={busy} className="products-table">
      <tbody>
        {products === null
          ? Array.from({ length: skeletonRows }, (_, i) => (
              <tr key={i} className="skeleton-row" aria-hidden="true">
                {selection !== null && <td />}
                <td />
                <td />
                <td className="hide-narrow" />
                <td />
                <td />
                <td className="hide-narrow" />
                <td />
              </tr>
            ))
          : products.map((product) => (
              <tr key={product.id} aria-selected={selection ? allOnPage || selection.ids.has(product.id) : undefined}>
                {selection !== null && (
                  <td className="select-cell">
                    <input
                      type="checkbox"
                      aria-label={`Select ${product.sku}`}
                      checked={selection.allMatching || selection.ids.has(product.id)}
                      disabled={selection.allMatching}
                      onChange={(e) => onSelect?.([product.id], e.target.checked)}
                    />
                  </td>
                )}
                <td className="cell-clip mono card-title" title={product.sku}>
                  {product.sku}
                </td>
                <td className="cell-clip card-wide" title={product.name}>
                  {product.name}
                </td>
                <td className="cell-clip hide-narrow muted" title={product.description}>
                  {product.description}
                </td>
                <td className="card-status">
                  {product.active ? <StatusBadge label="Active" tone="success" /> : <StatusBadge label="Inactive" />}
                </td>
                <td className="cell-clip" data-label="Updated">
                  {formatDateTime(product.updatedAt)}
                </td>
                <td className="cell-clip hide-narrow" data-label="Written by">
                  <ProductProvenance product={product} />
                </td>
                <td className="actions">
                  {canEdit && (
                    <>
                      <Button size="sm" onClick={() => onEdit(product)} aria-label={`Edit ${product.sku}`}>
                        Edit
                      </Button>
                      <Button
                        size="sm"
                        variant="danger"
                        onClick={() => onDelete(product)}
                        aria-label={`Delete ${product.sku}`}
                      >
                        Delete
                      </Button>
                    </>
                  )}
                </td>
              </tr>
            ))}
      </tbody>
    </DataTable>
  );
}
