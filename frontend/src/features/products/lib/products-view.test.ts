import { describe, expect, it } from 'vitest';
import {
  lastPage,
  nextPage,
  parseView,
  previousPage,
  toggleSort,
  viewToParams,
  viewToVariables,
  withFilters,
} from '@/features/products/lib/products-view';

const parse = (query: string) => parseView(new URLSearchParams(query));

describe('products view in the URL', () => {
  it('reads filters, sort and page size, and writes back only what differs from the defaults', () => {
    const view = parse('q=budg&sku=ab&name=smith&description=red&active=false&sort=-sku&size=50');
    expect(view).toMatchObject({
      search: 'budg',
      sku: 'ab',
      name: 'smith',
      description: 'red',
      active: 'false',
      sortField: 'sku',
      sortDirection: 'DESC',
      size: 50,
      from: 1,
    });
    expect(viewToParams(view).toString()).toBe(
      'q=budg&sku=ab&name=smith&description=red&active=false&sort=-sku&size=50',
    );
    expect(viewToParams(parse('')).toString()).toBe('');
  });

  it('ignores values it does not know instead of failing', () => {
    const view = parse('sort=price&size=7&active=maybe');
    expect(view).toMatchObject({ sortField: 'updatedAt', sortDirection: 'DESC', size: 25, active: 'any' });
  });

  it('turns the view into the contract variables (filters, one-key ordering, first/after or last/before)', () => {
    const view = parse('q= budg &sku=ab&active=true&sort=name');
    expect(viewToVariables(view)).toEqual({
      filters: { search: 'budg', sku: { iContains: 'ab' }, active: { exact: true } },
      ordering: [{ name: 'ASC' }],
      first: 25,
    });
    expect(viewToVariables(parse(''))).toEqual({ filters: null, ordering: [{ updatedAt: 'DESC' }], first: 25 });
    expect(viewToVariables(parse('after=C1&from=26'))).toMatchObject({ first: 25, after: 'C1' });
    expect(viewToVariables(parse('before=C2&from=26'))).toMatchObject({ last: 25, before: 'C2' });
    expect(viewToVariables(parse('end=1&from=36'))).toMatchObject({ last: 25 });
  });

  it('asks for the description by word starts (descriptionWords), SKU and name as substrings', () => {
    expect(viewToVariables(parse('description=%20red%20bud%20&sku=ab&name=smith')).filters).toEqual({
      sku: { iContains: 'ab' },
      name: { iContains: 'smith' },
      descriptionWords: 'red bud',
    });
    expect(viewToVariables(parse('description=%20%20')).filters).toBeNull();
  });

  it('pages forward, backward, to the end and back to the start, keeping the row numbers', () => {
    const first = parse('');
    const second = nextPage(first, 'END1', 25);
    expect(second).toMatchObject({ after: 'END1', from: 26 });
    const third = nextPage(second, 'END2', 25);
    expect(previousPage(third, 'START3')).toMatchObject({ before: 'START3', after: null, from: 26 });
    expect(previousPage(second, 'START2')).toMatchObject({ before: null, after: null, from: 1 });
    expect(lastPage(first, 60)).toMatchObject({ end: true, from: 36 });
    expect(lastPage(first, 10)).toMatchObject({ end: true, from: 1 });
  });

  it('a new filter or sort starts again at the first page', () => {
    const paged = nextPage(parse('q=a'), 'END1', 25);
    expect(withFilters(paged, { search: 'b' })).toMatchObject({ search: 'b', after: null, from: 1 });
    const sorted = toggleSort(paged, 'sku');
    expect(sorted).toMatchObject({ sortField: 'sku', sortDirection: 'ASC', after: null });
    expect(toggleSort(sorted, 'sku')).toMatchObject({ sortDirection: 'DESC' });
    expect(toggleSort(sorted, 'createdAt')).toMatchObject({ sortField: 'createdAt', sortDirection: 'DESC' });
  });
});
