import { Button } from '@/components/ui/button';
import { actionsColumn, DataTable, type DataColumn } from '@/components/ui/data-table';
import { useCan } from '@/lib/permissions';
import { StatusBadge } from '@/components/ui/status-badge';
import type { ProductFieldsFragment } from '@/gql/graphql';
import { formatDateTime } from '@/lib/format';
import { ProductProvenance } from '@/features/products/components/product-provenance';
import type { ProductsView, SortField } from '@/features/products/lib/products-view';

export interface ProductsTableProps {
  products: readonly ProductFieldsFragment[] | null;
  view: ProductsView;
  busy: boolean;
  onSort: (field: SortField) => void;
  onEdit: (product: ProductFieldsFragment) => void;
  onDelete: (product: ProductFieldsFragment) => void;
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
export function ProductsTable({ products, view, busy, onSort, onEdit, onDelete }: ProductsTableProps) {
  const skeletonRows = Math.min(view.size, 10);
  const columns: DataColumn[] = [
    sortColumn('sku', 'SKU', '16%', { view, onSort }),
    sortColumn('name', 'Name', '22%', { view, onSort }),
    { header: 'Description', className: 'hide-narrow', width: '23%' },
    { header: 'Status', width: '9%' },
    sortColumn('updatedAt', 'Updated', '17%', { view, onSort }),
    { header: 'Written by', className: 'hide-narrow', width: '16%' },
    actionsColumn('150px'),
  ];
  const canEdit = useCan('updateProduct');
  return (
    // Fixed layout keeps columns still while pages change; narrow screens show cards.
    <DataTable label="Products" columns={columns} cards busy={busy} className="products-table">
      <tbody>
        {products === null
          ? Array.from({ length: skeletonRows }, (_, i) => (
              <tr key={i} className="skeleton-row" aria-hidden="true">
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
              <tr key={product.id}>
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
