import { Button } from '@/components/ui/button';
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

function SortHeader({ field, label, view, onSort, className }: { field: SortField; label: string; view: ProductsView; onSort: (f: SortField) => void; className?: string }) {
  const sorted = view.sortField === field;
  const ariaSort = sorted ? (view.sortDirection === 'ASC' ? 'ascending' : 'descending') : 'none';
  return (
    <th scope="col" aria-sort={ariaSort} className={className}>
      <button type="button" className="sort-button" onClick={() => onSort(field)}>
        {label}
        <span className="sort-indicator" aria-hidden="true">
          {sorted ? (view.sortDirection === 'ASC' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
}

/** The products of one page; keeps its size while the next page loads (no layout jump). */
export function ProductsTable({ products, view, busy, onSort, onEdit, onDelete }: ProductsTableProps) {
  const skeletonRows = Math.min(view.size, 10);
  const canEdit = useCan('updateProduct');
  return (
    <div className={`table-wrap products-table${busy ? ' table-busy' : ''}`}>
      {/* Fixed layout keeps columns still while pages change; narrow screens show cards. */}
      <table aria-busy={busy} aria-label="Products" className="table-cards">
        <colgroup>
          <col style={{ width: '16%' }} />
          <col style={{ width: '22%' }} />
          <col className="hide-narrow" style={{ width: '23%' }} />
          <col style={{ width: '9%' }} />
          <col style={{ width: '17%' }} />
          <col className="hide-narrow" style={{ width: '16%' }} />
          <col style={{ width: '150px' }} />
        </colgroup>
        <thead>
          <tr>
            <SortHeader field="sku" label="SKU" view={view} onSort={onSort} />
            <SortHeader field="name" label="Name" view={view} onSort={onSort} />
            <th scope="col" className="hide-narrow">
              Description
            </th>
            <th scope="col">Status</th>
            <SortHeader field="updatedAt" label="Updated" view={view} onSort={onSort} />
            <th scope="col" className="hide-narrow">
              Written by
            </th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
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
                  <td className="card-status">{product.active ? <StatusBadge label="Active" tone="success" /> : <StatusBadge label="Inactive" />}</td>
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
                        <Button size="sm" variant="danger" onClick={() => onDelete(product)} aria-label={`Delete ${product.sku}`}>
                          Delete
                        </Button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
        </tbody>
      </table>
    </div>
  );
}
