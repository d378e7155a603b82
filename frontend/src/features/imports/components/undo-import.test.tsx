import { describe, expect, it } from 'vitest';
import { undoEffect } from '@/features/imports/components/undo-import';

describe('what "Undo import" says it will do', () => {
  it('names only the counts there are, in the singular for one', () => {
    expect(undoEffect(0, 1)).toBe('This puts back the earlier values of the 1 product it updated.');
    expect(undoEffect(3, 0)).toBe('This deletes the 3 products the import created.');
    expect(undoEffect(1, 2)).toBe(
      'This deletes the 1 product the import created and puts back the earlier values of the 2 products it updated.',
    );
    expect(undoEffect(0, 0)).toBe('The import created and updated no products.');
  });
});
