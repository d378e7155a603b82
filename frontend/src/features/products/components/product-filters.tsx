import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import {
  DESCRIPTION_WORDS_LIMIT,
  SEARCH_LIMIT,
  type ActiveFilter,
  type FilterPatch,
  type ProductsView,
  type SortDirection,
  type SortField,
} from '@/features/products/lib/products-view';

/**
 * How long typing must pause before the filter applies (and the URL changes). Short: a
 * page of rows is asked for without its count, and a newer filter cancels the older request.
 */
export const FILTER_DEBOUNCE_MS = 120;

const TEXT_FILTERS = ['search', 'sku', 'name', 'description'] as const;
type TextFilter = (typeof TEXT_FILTERS)[number];
type Drafts = Record<TextFilter, string>;

const pick = (view: ProductsView): Drafts => ({
  search: view.search,
  sku: view.sku,
  name: view.name,
  description: view.description,
});

/** The orders a phone offers in a select (its cards have no sortable column headers). */
const SORTS: readonly { value: string; label: string; field: SortField; direction: SortDirection }[] = [
  { value: '-updatedAt', label: 'Recently updated', field: 'updatedAt', direction: 'DESC' },
  { value: 'updatedAt', label: 'Least recently updated', field: 'updatedAt', direction: 'ASC' },
  { value: 'sku', label: 'SKU A–Z', field: 'sku', direction: 'ASC' },
  { value: '-sku', label: 'SKU Z–A', field: 'sku', direction: 'DESC' },
  { value: 'name', label: 'Name A–Z', field: 'name', direction: 'ASC' },
  { value: '-name', label: 'Name Z–A', field: 'name', direction: 'DESC' },
  { value: '-createdAt', label: 'Newest', field: 'createdAt', direction: 'DESC' },
  { value: 'createdAt', label: 'Oldest', field: 'createdAt', direction: 'ASC' },
];

export interface ProductFiltersProps {
  view: ProductsView;
  /**
   * `replace` is false for the first change of a typing session (it becomes one history
   * entry, so Back returns to the list as it was) and true for the rest of that session.
   */
  onChange: (patch: FilterPatch, options: { replace: boolean }) => void;
}

/** The search box and per-column filters; text applies after a short pause in typing. */
export function ProductFilters({ view, onChange }: ProductFiltersProps) {
  const [drafts, setDrafts] = useState<Drafts>(() => pick(view));
  // What this component last put in the URL; anything else there came from outside
  // (back button, "Clear filters", a shared link) and replaces the drafts.
  const committed = useRef<Drafts>(pick(view));
  // The text filter being typed in since it got focus: its first applied change pushes a
  // history entry, the later ones replace it. Leaving the field ends the session.
  const typing = useRef<TextFilter | null>(null);
  const [open, setOpen] = useState(false);
  const moreId = useId();

  useEffect(() => {
    const fromUrl = pick(view);
    const outside = TEXT_FILTERS.filter((key) => fromUrl[key] !== committed.current[key]);
    if (outside.length) {
      typing.current = null;
      committed.current = { ...committed.current, ...Object.fromEntries(outside.map((k) => [k, fromUrl[k]])) };
      setDrafts((current) => ({ ...current, ...Object.fromEntries(outside.map((k) => [k, fromUrl[k]])) }));
    }
  }, [view]);

  useEffect(() => {
    const changed = TEXT_FILTERS.filter((key) => drafts[key] !== committed.current[key]);
    if (!changed.length) return;
    const timer = window.setTimeout(() => {
      committed.current = { ...drafts };
      const continuing = typing.current !== null && changed.every((k) => k === typing.current);
      typing.current = changed.length === 1 ? changed[0] : null;
      onChange(Object.fromEntries(changed.map((k) => [k, drafts[k]])), { replace: continuing });
    }, FILTER_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [drafts, onChange]);

  const text = (key: TextFilter) => ({
    value: drafts[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setDrafts((d) => ({ ...d, [key]: e.target.value })),
    onBlur: () => {
      if (typing.current === key) typing.current = null;
    },
  });
  const anyFilter = TEXT_FILTERS.some((k) => drafts[k]) || view.active !== 'any';
  const folded = [drafts.sku, drafts.name, drafts.description].filter(Boolean).length + (view.active !== 'any' ? 1 : 0);
  const sort = `${view.sortDirection === 'DESC' ? '-' : ''}${view.sortField}`;

  return (
    <form
      className={`filters${open ? ' open' : ''}`}
      role="search"
      aria-label="Filter products"
      onSubmit={(e) => e.preventDefault()}
    >
      <TextField
        label="Search"
        type="search"
        className="search-field"
        placeholder="Words in SKU, name or description"
        limit={SEARCH_LIMIT}
        {...text('search')}
      />
      {/* Narrow screens fold the other filters behind this button, so products come first. */}
      <Button className="filters-toggle" aria-expanded={open} aria-controls={moreId} onClick={() => setOpen((o) => !o)}>
        {folded ? `Filters (${folded})` : 'Filters'}
      </Button>
      <div className="filters-more" id={moreId}>
        <SelectField
          label="Sort by"
          className="show-narrow"
          value={SORTS.some((o) => o.value === sort) ? sort : '-updatedAt'}
          onChange={(e) => {
            const chosen = SORTS.find((o) => o.value === e.target.value);
            if (chosen) onChange({ sortField: chosen.field, sortDirection: chosen.direction }, { replace: false });
          }}
          options={SORTS.map(({ value, label }) => ({ value, label }))}
        />
        <TextField label="SKU" {...text('sku')} />
        <TextField label="Name" {...text('name')} />
        <TextField
          label="Description"
          placeholder="Words starting with…"
          title="Every word typed must start a word of the description"
          limit={DESCRIPTION_WORDS_LIMIT}
          {...text('description')}
        />
        <SelectField
          label="Active"
          value={view.active}
          onChange={(e) => onChange({ active: e.target.value as ActiveFilter }, { replace: false })}
          options={[
            { value: 'any', label: 'Any' },
            { value: 'true', label: 'Active' },
            { value: 'false', label: 'Inactive' },
          ]}
        />
        <div className="filters-actions">
          <Button
            disabled={!anyFilter}
            onClick={() => {
              const cleared = { search: '', sku: '', name: '', description: '' };
              committed.current = cleared;
              setDrafts(cleared);
              onChange({ ...cleared, active: 'any' }, { replace: false });
            }}
          >
            Clear filters
          </Button>
        </div>
      </div>
    </form>
  );
}
