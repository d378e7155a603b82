import { useCallback, useMemo, useRef, useState } from 'react';
import { needsRole, useCan, useRoleLabel } from '@/lib/permissions';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/layouts/page-header';
import { Button } from '@/components/ui/button';
import { Notice } from '@/components/ui/notice';
import { EmptyState, ErrorState } from '@/components/ui/states';
import type { ProductFieldsFragment, ProductsQuery } from '@/gql/graphql';
import { describeError } from '@/lib/error-message';
import { formatNumber, plural } from '@/lib/format';
import { useRestoredDraft } from '@/lib/use-restored-draft';
import { useProducts, useProductsCount } from '@/features/products/api/get-products';
import { BulkActions, type ProductSelection } from '@/features/products/components/bulk-actions';
import { DeleteAllProductsDialog } from '@/features/products/components/delete-all-products-dialog';
import { DeleteProductDialog } from '@/features/products/components/delete-product-dialog';
import { ExportProductsButton } from '@/features/products/components/export-products-dialog';
import { ProductFilters } from '@/features/products/components/product-filters';
import {
  PRODUCT_DRAFT,
  ProductFormDialog,
  type ProductDraft,
} from '@/features/products/components/product-form-dialog';
import { ProductsPagination } from '@/features/products/components/products-pagination';
import { ProductsTable } from '@/features/products/components/products-table';
import {
  parseView,
  toggleSort,
  viewToFilter,
  viewToParams,
  viewToVariables,
  withFilters,
  type FilterPatch,
  type ProductsView,
} from '@/features/products/lib/products-view';

const NO_SELECTION: ProductSelection = { ids: new Set(), allMatching: false };

/** The catalogue: filters and search in the URL, sortable columns, cursor pages, and edits in dialogs. */
export default function ProductsPage() {
  const [params, setParams] = useSearchParams();
  const view = useMemo(() => parseView(params), [params]);
  const variables = useMemo(() => viewToVariables(view), [view]);
  const [result, refetch] = useProducts(variables);
  // The total comes in a request of its own, so the rows never wait for it. It is asked for
  // once the rows of the same filters are in: a count that reads thousands of matches would
  // otherwise take the server's time from the rows (paging keeps the filters, and the count).
  const countVariables = useMemo(() => ({ filters: variables.filters }), [variables.filters]);
  const rowsFilters = useRef<string | null>(null);
  if (result.data && !result.fetching) {
    rowsFilters.current = JSON.stringify(result.operation?.variables.filters ?? null);
  }
  const rowsIn = rowsFilters.current === JSON.stringify(variables.filters ?? null) || Boolean(result.error);
  const [countResult, refetchCount] = useProductsCount(countVariables, !rowsIn);
  // A save that met an expired session comes back filled in, once signed in again.
  const restored = useRestoredDraft<ProductDraft>(PRODUCT_DRAFT);
  const [restoredValues, setRestoredValues] = useState(restored?.values ?? null);
  const [editing, setEditing] = useState<ProductFieldsFragment | 'new' | null>(restored?.product ?? null);
  const [deleting, setDeleting] = useState<ProductFieldsFragment | null>(null);
  const [deleteAllOpen, setDeleteAllOpen] = useState(false);
  const canCreate = useCan('createProduct');
  const canExport = useCan('exportProducts');
  const canDeleteAll = useCan('deleteAllProducts');
  const roleLabel = useRoleLabel();
  const [notice, setNotice] = useState<string | null>(null);
  const canBulk = useCan('setProductsActive');
  const [selection, setSelection] = useState<ProductSelection>(NO_SELECTION);
  // A new filter is a new set of products: what was ticked for the old one is let go.
  const filterKey = JSON.stringify(viewToFilter(view));
  const [selectionKey, setSelectionKey] = useState(filterKey);
  if (selectionKey !== filterKey) {
    setSelectionKey(filterKey);
    setSelection(NO_SELECTION);
  }
  const select = useCallback((ids: readonly string[], on: boolean) => {
    setSelection((current) => {
      const next = new Set(current.ids);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return { ids: next, allMatching: false };
    });
  }, []);

  // While the next page or filter loads, keep showing the last rows (dimmed) so
  // nothing jumps; they are replaced as soon as the new ones arrive.
  const lastData = useRef<ProductsQuery | undefined>(undefined);
  if (result.data) lastData.current = result.data;
  const data = result.data ?? lastData.current;
  const connection = data?.products;
  // Only numbers of the view on screen: while a new search or page loads, the old total
  // and row range would belong to another query, so they give way to "Counting…".
  const current =
    Boolean(result.data) && JSON.stringify(result.operation?.variables ?? variables) === JSON.stringify(variables);
  // The count of an older filter never shows beside the rows of a newer one.
  const totalCount =
    countResult.data &&
    JSON.stringify(countResult.operation?.variables ?? countVariables) === JSON.stringify(countVariables)
      ? countResult.data.products.totalCount
      : null;
  const products = connection ? connection.edges.map((edge) => edge.node) : null;
  const busy = result.fetching || (result.stale && !result.data);

  const setView = useCallback(
    (next: ProductsView, replace = false) => setParams(viewToParams(next), { replace }),
    [setParams],
  );
  // The debounced filters apply to the view as it is when they fire, not as it was.
  const viewRef = useRef(view);
  viewRef.current = view;
  const onFilters = useCallback(
    (patch: FilterPatch, { replace }: { replace: boolean }) => setView(withFilters(viewRef.current, patch), replace),
    [setView],
  );
  const refresh = () => {
    refetch({ requestPolicy: 'network-only' });
    refetchCount({ requestPolicy: 'network-only' });
  };
  const filtered = viewToFilter(view) !== null;

  return (
    <section>
      <PageHeader
        title="Products"
        description={
          <span aria-live="polite">
            {totalCount !== null
              ? `${formatNumber(totalCount)} ${filtered ? 'matching ' : ''}product${totalCount === 1 ? '' : 's'}`
              : (countResult.error && !countResult.fetching) || result.error
                ? '\u00a0'
                : `Counting ${filtered ? 'matching ' : ''}products…`}
          </span>
        }
        actions={
          <>
            {canCreate && (
              <Button variant="primary" onClick={() => setEditing('new')}>
                New product
              </Button>
            )}
            {canExport && <ExportProductsButton filters={viewToFilter(view)} />}
            {canCreate &&
              (canDeleteAll ? (
                <Button variant="danger" onClick={() => setDeleteAllOpen(true)}>
                  Delete all products
                </Button>
              ) : (
                <Button
                  variant="danger"
                  disabled
                  title={needsRole('Admin', roleLabel)}
                  aria-description={needsRole('Admin', roleLabel)}
                >
                  Delete all products
                </Button>
              ))}
          </>
        }
      />
      {notice && <Notice tone="success">{notice}</Notice>}
      <ProductFilters view={view} onChange={onFilters} />
      {canBulk && (
        <BulkActions
          selection={selection}
          pageCount={products?.length ?? 0}
          totalCount={totalCount}
          filters={viewToFilter(view)}
          onSelectAllMatching={() => setSelection((current) => ({ ...current, allMatching: true }))}
          onClear={() => setSelection(NO_SELECTION)}
          onChanged={refresh}
        />
      )}
      {result.error && !result.fetching ? (
        <ErrorState message={describeError(result.error)} onRetry={refresh} />
      ) : (
        <>
          <ProductsTable
            products={products}
            view={view}
            busy={(busy || !current) && products !== null}
            onSort={(field) => setView(toggleSort(view, field))}
            onEdit={setEditing}
            onDelete={setDeleting}
            selection={canBulk ? selection : null}
            onSelect={select}
          />
          {products?.length === 0 && !busy && (
            <EmptyState title={filtered ? 'No product matches these filters.' : 'No products yet.'}>
              {filtered ? (
                <p>Change or clear the filters.</p>
              ) : (
                <p>Import a CSV file on the Import page, or add one with “New product”.</p>
              )}
            </EmptyState>
          )}
          <ProductsPagination
            view={view}
            onView={(next) => setView(next)}
            disabled={!connection || !current}
            loading={!current && !result.error}
            page={
              connection
                ? {
                    totalCount,
                    rowsShown: connection.edges.length,
                    hasNextPage: connection.pageInfo.hasNextPage,
                    hasPreviousPage: connection.pageInfo.hasPreviousPage,
                    startCursor: connection.pageInfo.startCursor ?? null,
                    endCursor: connection.pageInfo.endCursor ?? null,
                  }
                : null
            }
          />
        </>
      )}
      <ProductFormDialog
        product={editing}
        restored={restoredValues}
        onClose={() => {
          setEditing(null);
          setRestoredValues(null);
        }}
        onSaved={(product, created) => {
          setEditing(null);
          setRestoredValues(null);
          setNotice(created ? `Created product ${product.sku}.` : `Saved product ${product.sku}.`);
          if (created) refresh();
        }}
      />
      <DeleteProductDialog
        product={deleting}
        onClose={() => setDeleting(null)}
        onDeleted={(sku) => {
          setDeleting(null);
          setNotice(`Deleted product ${sku}.`);
          refresh();
        }}
      />
      <DeleteAllProductsDialog
        open={deleteAllOpen}
        onClose={() => setDeleteAllOpen(false)}
        totalCount={!filtered ? totalCount : null}
        onDeleted={(count) => {
          setDeleteAllOpen(false);
          setNotice(`Deleted ${plural(count, 'product')}.`);
          setView(withFilters(view, {}));
          refresh();
        }}
      />
    </section>
  );
}
