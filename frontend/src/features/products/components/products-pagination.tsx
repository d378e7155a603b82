import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { formatNumber } from '@/lib/format';
import {
  firstPage,
  lastPage,
  nextPage,
  PAGE_SIZES,
  previousPage,
  type ProductsView,
  withFilters,
} from '@/features/products/lib/products-view';

export interface PageState {
  /** Null while the count is on its way: the rows do not wait for it. */
  totalCount: number | null;
  rowsShown: number;
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface ProductsPaginationProps {
  view: ProductsView;
  page: PageState | null;
  onView: (view: ProductsView) => void;
  disabled?: boolean;
  /** The page shown belongs to the previous view: say that the new one is loading. */
  loading?: boolean;
}

/** Page size, the rows shown out of the total, and first / previous / next / last. */
export function ProductsPagination({ view, page, onView, disabled, loading }: ProductsPaginationProps) {
  const total = page?.totalCount ?? null;
  const shown = page?.rowsShown ?? 0;
  const from = view.from;
  const lastRow = from == null ? null : from + shown - 1;
  const atStart = from != null ? from <= 1 : !page?.hasPreviousPage;
  const atEnd = lastRow != null && total != null ? lastRow >= total : !page?.hasNextPage;
  const of = total == null ? ' of … (counting)' : ` of ${formatNumber(total)}`;
  const canPrevious = Boolean(page && !atStart && page.startCursor);
  const canNext = Boolean(page && !atEnd && page.endCursor);

  let range = '';
  if (loading) range = 'Loading…';
  else if (page) {
    if (shown === 0 && !page.hasPreviousPage) range = 'No products';
    else if (from != null && lastRow != null) range = `Showing ${formatNumber(from)}–${formatNumber(lastRow)}${of}`;
    else range = `Showing ${formatNumber(shown)}${of}`;
  }

  return (
    <nav className="table-footer" aria-label="Pages">
      <span className="range-text" aria-live="polite">
        {range}
      </span>
      <div className="pager">
        <SelectField
          label="Rows per page"
          value={String(view.size)}
          onChange={(e) => onView(withFilters(view, { size: Number(e.target.value) }))}
          options={PAGE_SIZES.map((size) => ({ value: String(size), label: String(size) }))}
        />
        <Button size="sm" disabled={disabled || !canPrevious} onClick={() => onView(firstPage(view))}>
          First
        </Button>
        <Button
          size="sm"
          disabled={disabled || !canPrevious}
          onClick={() => page?.startCursor && onView(previousPage(view, page.startCursor))}
        >
          Previous
        </Button>
        <Button
          size="sm"
          disabled={disabled || !canNext}
          onClick={() => page?.endCursor && onView(nextPage(view, page.endCursor, shown))}
        >
          Next
        </Button>
        <Button size="sm" disabled={disabled || !canNext} onClick={() => onView(lastPage(view, total))}>
          Last
        </Button>
      </div>
    </nav>
  );
}
