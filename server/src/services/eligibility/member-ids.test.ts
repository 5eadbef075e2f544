import { describe, expect, it } from 'vitest';
import { dependentId, nextDependentSuffix } from './member-ids';

describe('dependent member IDs', () => {
  it.each([
    [['123456789'], 1],
    [['123456789', '123456789-01', '123456789-02'], 3],
    // A terminated dependent's number is never handed out again.
    [['123456789', '123456789-03'], 4],
  ])('after %j the next suffix is %i', (ids, next) => {
    expect(nextDependentSuffix(ids)).toBe(next);
  });

  it('formats `<subscriber>-NN` and stops at 99', () => {
    expect(dependentId('123456789', 7)).toBe('123456789-07');
    expect(() => dependentId('123456789', 100)).toThrow('at most 99');
  });
});
