import { describe, expect, it } from 'vitest';
import { countWord, toContractError, violation, violationFields } from './rule-result';

describe('toContractError', () => {
  it('carries the message to the field', () => {
    expect(toContractError(violation('terminationDate', 'Pick a later date.'))).toEqual({
      code: 'RULE',
      message: 'Pick a later date.',
      fields: { terminationDate: 'Pick a later date.' },
    });
  });
});

describe('violationFields', () => {
  it.each([
    ['none', [], {}],
    ['one nested path', [{ path: ['dependents', 0, 'dateOfBirth'], message: 'Too old.' }], { 'dependents.0.dateOfBirth': 'Too old.' }],
    [
      'two on one field: the first stays',
      [
        { path: ['effectiveDate'], message: 'First.' },
        { path: ['planCode'], message: 'Plan.' },
        { path: ['effectiveDate'], message: 'Second.' },
      ],
      { effectiveDate: 'First.', planCode: 'Plan.' },
    ],
  ])('%s', (_name, violations, fields) => {
    expect(violationFields(violations)).toEqual(fields);
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
