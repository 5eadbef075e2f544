import { describe, expect, it } from 'vitest';
import { countWord, toContractError, violation } from './rule-result';

describe('toContractError', () => {
  it('carries the message to the field', () => {
    expect(toContractError(violation('terminationDate', 'Pick a later date.'))).toEqual({
      code: 'RULE',
      message: 'Pick a later date.',
      fields: { terminationDate: 'Pick a later date.' },
    });
  });
});

describe('countWord', () => {
  it.each([
    [0, 'no'],
    [2, 'two'],
    [12, 'twelve'],
    [13, '13'],
  ])('%i → %s', (n, word) => {
    expect(countWord(n)).toBe(word);
  });
});
