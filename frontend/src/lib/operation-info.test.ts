import { describe, expect, it } from 'vitest';
import { mutationPayload, problemText, splitMessages } from '@/lib/operation-info';

describe('problemText', () => {
  it('joins every message of a refused mutation into one sentence, in order', () => {
    const info = {
      messages: [
        { kind: 'VALIDATION', field: 'url', code: 'invalid', message: 'Enter a valid URL.' },
        { kind: 'ERROR', field: null, code: null, message: 'Nothing was saved.' },
      ],
    };
    expect(problemText(info)).toBe('Enter a valid URL. Nothing was saved.');
  });

  it('gives an empty text when there is no message', () => {
    expect(problemText({ messages: [] })).toBe('');
  });
});

describe('splitMessages', () => {
  it('puts messages about a field the form has under it, and the rest above the form', () => {
    const messages = [
      { field: 'sku', message: 'Taken.' },
      { field: 'price', message: 'No such field here.' },
      { field: null, message: 'General.' },
    ];
    expect(splitMessages(messages, ['sku', 'name'])).toEqual({
      byField: { sku: ['Taken.'] },
      general: ['No such field here.', 'General.'],
    });
  });
});

describe('mutationPayload', () => {
  it('gives the one field a mutation answered, past the root __typename', () => {
    expect(mutationPayload({ __typename: 'Mutation', changeRole: { __typename: 'User', id: 'u1' } })).toEqual({
      __typename: 'User',
      id: 'u1',
    });
    expect(mutationPayload(undefined)).toBeNull();
  });
});
