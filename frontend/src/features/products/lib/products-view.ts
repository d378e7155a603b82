import type { Ordering, ProductFilter, ProductOrder, ProductsQueryVariables } from '@/gql/graphql';

/**
 * What the products page shows, read from and written to the URL so a filtered,
 * sorted, paged view can be shared and survives a reload.
 */
export const SORT_FIELDS = ['sku', 'name', 'createdAt', 'updatedAt'] as const;
export type SortField = (typeof SORT_FIELDS)[number];
/** The two orderings the page offers, of the schema's `Ordering`. */
export type SortDirection = Extract<Ordering, 'ASC' | 'DESC'>;
export type ActiveFilter = 'any' | 'true' | 'false';

export const PAGE_SIZES = [25, 50, 100, 200] as const;
/** The longest search box text the server takes (`search`). */
export const SEARCH_LIMIT = 200;
/** The longest Description filter the server takes (`descriptionWords`). */
export const DESCRIPTION_WORDS_LIMIT = 200;
export const DEFAULT_PAGE_SIZE = 25;
const DEFAULT_SORT = { field: 'updatedAt' as SortField, direction: 'DESC' as SortDirection };

export interface ProductsView {
  search: string;
  sku: string;
  name: string;
  description: string;
  active: ActiveFilter;
  sortField: SortField;
  sortDirection: SortDirection;
  size: number;
  /** Cursor paging: `after` (forward), `before` (backward) or `end` (the last page). */
  after: string | null;
  before: string | null;
  end: boolean;
  /** 1-based number of the first row shown, for "Showing 26–50 of …"; null when unknown. */
  from: number | null;
}

export type FilterPatch = Partial<
  Pick<ProductsView, 'search' | 'sku' | 'name' | 'description' | 'active' | 'sortField' | 'sortDirection' | 'size'>
>;

export function parseView(params: URLSearchParams): ProductsView {
  const sort = params.get('sort') ?? '';
  const desc = sort.startsWith('-');
  const sortName = (desc ? sort.slice(1) : sort) as SortField;
  const known = SORT_FIELDS.includes(sortName);
  const size = Number(params.get('size'));
  const active = params.get('active');
  const from = Number(params.get('from'));
  const after = params.get('after');
  const before = params.get('before');
  const end = params.get('end') === '1';
  return {
    search: params.get('q') ?? '',
    sku: params.get('sku') ?? '',
    name: params.get('name') ?? '',
    description: params.get('description') ?? '',
    active: active === 'true' || active === 'false' ? active : 'any',
    sortField: known ? sortName : DEFAULT_SORT.field,
    sortDirection: known ? (desc ? 'DESC' : 'ASC') : DEFAULT_SORT.direction,
    size: (PAGE_SIZES as readonly number[]).includes(size) ? size : DEFAULT_PAGE_SIZE,
    after,
    before,
    end,
    from: Number.isInteger(from) && from >= 1 ? from : after || before || end ? null : 1,
  };
}

export function viewToParams(view: ProductsView): URLSearchParams {
  const params = new URLSearchParams();
  const set = (key: string, value: string) => value && params.set(key, value);
  set('q', view.search);
  set('sku', view.sku);
  set('name', view.name);
  set('description', view.description);
  if (view.active !== 'any') params.set('active', view.active);
  if (view.sortField !== DEFAULT_SORT.field || view.sortDirection !== DEFAULT_SORT.direction) {
    params.set('sort', `${view.sortDirection === 'DESC' ? '-' : ''}${view.sortField}`);
  }
  if (view.size !== DEFAULT_PAGE_SIZE) params.set('size', String(view.size));
  if (view.after) params.set('after', view.after);
  if (view.before) params.set('before', view.before);
  if (view.end) params.set('end', '1');
  if (view.from != null && view.from !== 1) params.set('from', String(view.from));
  return params;
}

/**
 * The GraphQL filter for the view. SKU and name match case-insensitively anywhere
 * (`iContains`); the search box and the description match word starts (`search`,
 * `descriptionWords`: every word typed starts a word of the text), which a word index serves
 * on a big catalogue where a substring match would read every description.
 */
export function viewToFilter(view: ProductsView): ProductFilter | null {
  const filter: ProductFilter = {};
  if (view.search.trim()) filter.search = view.search.trim();
  if (view.sku.trim()) filter.sku = { iContains: view.sku.trim() };
  if (view.name.trim()) filter.name = { iContains: view.name.trim() };
  if (view.description.trim()) filter.descriptionWords = view.description.trim();
  if (view.active !== 'any') filter.active = { exact: view.active === 'true' };
  return Object.keys(filter).length ? filter : null;
}

/** ProductOrder is a oneOf input: exactly one key per item. */
function orderBy(field: SortField, direction: Ordering): ProductOrder {
  switch (field) {
    case 'sku':
      return { sku: direction };
    case 'name':
      return { name: direction };
    case 'createdAt':
      return { createdAt: direction };
    case 'updatedAt':
      return { updatedAt: direction };
  }
}

export function viewToVariables(view: ProductsView): ProductsQueryVariables {
  const ordering = [orderBy(view.sortField, view.sortDirection)];
  const variables: ProductsQueryVariables = { filters: viewToFilter(view), ordering };
  if (view.before) return { ...variables, last: view.size, before: view.before };
  if (view.end) return { ...variables, last: view.size };
  if (view.after) return { ...variables, first: view.size, after: view.after };
  return { ...variables, first: view.size };
}

const firstPageOf = (view: ProductsView): ProductsView => ({ ...view, after: null, before: null, end: false, from: 1 });

/** A new filter, sort or page size starts again at the first page. */
export function withFilters(view: ProductsView, patch: FilterPatch): ProductsView {
  return firstPageOf({ ...view, ...patch });
}

export const firstPage = firstPageOf;

export function nextPage(view: ProductsView, endCursor: string, rowsShown: number): ProductsView {
  return {
    ...view,
    after: endCursor,
    before: null,
    end: false,
    from: view.from == null ? null : view.from + rowsShown,
  };
}

export function previousPage(view: ProductsView, startCursor: string): ProductsView {
  // Near the start, "previous" is simply the first page (full, aligned rows).
  if (view.from != null && view.from - view.size <= 1) return firstPageOf(view);
  return {
    ...view,
    after: null,
    before: startCursor,
    end: false,
    from: view.from == null ? null : view.from - view.size,
  };
}

/** The last page; without the total (still counting) its row numbers are unknown. */
export function lastPage(view: ProductsView, totalCount: number | null): ProductsView {
  const from = totalCount == null ? null : Math.max(1, totalCount - view.size + 1);
  return { ...view, after: null, before: null, end: true, from };
}

/** Clicking a header sorts by it; clicking the sorted header again flips the direction. */
export function toggleSort(view: ProductsView, field: SortField): ProductsView {
  if (view.sortField === field)
    return withFilters(view, { sortDirection: view.sortDirection === 'ASC' ? 'DESC' : 'ASC' });
  // Dates read best newest first; text A to Z.
  return withFilters(view, {
    sortField: field,
    sortDirection: field === 'createdAt' || field === 'updatedAt' ? 'DESC' : 'ASC',
  });
}
