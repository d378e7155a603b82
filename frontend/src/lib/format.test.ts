import { describe, expect, it } from 'vitest';
import { plural } from '@/lib/format';

describe('plural', () => {
  it('uses the singular for exactly one, the plural otherwise (zero included)', () => {
    expect(plural(1, 'product')).toBe('1 product');
    expect(plural(0, 'product')).toBe('0 products');
    expect(plural(2, 'entry', 'entries')).toBe('2 entries');
    expect(plural(1234, 'change')).toBe(`${(1234).toLocaleString()} changes`);
  });
});
