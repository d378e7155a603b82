import { useEffect, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { SelectField } from '@/components/ui/select-field';
import { TextField } from '@/components/ui/text-field';
import type { ActiveFilter, FilterPatch, ProductsView } from '@/features/products/lib/products-view';

/** How long typing must pause before the filter applies (and the URL changes). */
export const FILTER_DEBOUNCE_MS = 250;

const TEXT_FILTERS = ['search', 'sku', 'name', 'description'] as const;
type TextFilter = (typeof TEXT_FILTERS)[number];
type Drafts = Record<TextFilter, string>;

const pick = (view: ProductsView): Drafts => ({ search: view.search, sku: view.sku, name: view.name, description: view.description });

export interface ProductFiltersProps {
  view: ProductsView;
  /** `replace` is true for typing, so every keystroke does not become a history entry. */
  onChange: (patch: FilterPatch, options: { replace: boolean }) => void;
}

/** The search box and per-column filters; text applies after a short pause in typing. */
export function ProductFilters({ view, onChange }: ProductFiltersProps) {
  const [drafts, setDrafts] = useState<Drafts>(() => pick(view));
  // What this component last put in the URL; anything else there came from outside
  // (back button, "Clear filters", a shared link) and replaces the drafts.
  const committed = useRef<Drafts>(pick(view));

  useEffect(() => {
    const fromUrl = pick(view);
    const outside = TEXT_FILTERS.filter((key) => fromUrl[key] !== committed.current[key]);
    if (outside.length) {
      committed.current = { ...committed.current, ...Object.fromEntries(outside.map((k) => [k, fromUrl[k]])) };
      setDrafts((current) => ({ ...current, ...Object.fromEntries(outside.map((k) => [k, fromUrl[k]])) }));
    }
  }, [view]);

  useEffect(() => {
    const changed = TEXT_FILTERS.filter((key) => drafts[key] !== committed.current[key]);
    if (!changed.length) return;
    const timer = window.setTimeout(() => {
      committed.current = { ...drafts };
      onChange(Object.fromEntries(changed.map((k) => [k, drafts[k]])), { replace: true });
    }, FILTER_DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [drafts, onChange]);

  const text = (key: TextFilter) => ({
    value: drafts[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => setDrafts((d) => ({ ...d, [key]: e.target.value })),
  });
  const anyFilter = TEXT_FILTERS.some((k) => drafts[k]) || view.active !== 'any';

  return (
    <form className="filters" role="search" aria-label="Filter products" onSubmit={(e) => e.preventDefault()}>
      <TextField label="Search" type="search" className="search-field" placeholder="Words in SKU, name or description" {...text('search')} />
      <TextField label="SKU" {...text('sku')} />
      <TextField label="Name" {...text('name')} />
      <TextField label="Description" {...text('description')} />
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
    </form>
  );
}
