import { describe, expect, it } from 'vitest';
import { allocate, formatUsd } from './money';

describe('formatUsd', () => {
  it.each([
    [0, '$0.00'],
    [5, '$0.05'],
    [100, '$1.00'],
    [123456, '$1,234.56'],
    [-5, '-$0.05'],
    [-123456789, '-$1,234,567.89'],
    [Number.MAX_SAFE_INTEGER, '$90,071,992,547,409.91'],
  ])('%i cents → %s', (cents, text) => {
    expect(formatUsd(cents)).toBe(text);
  });
  it.each([[1.5], [Number.NaN], [Infinity]])('refuses %s', (bad) => {
    expect(() => formatUsd(bad)).toThrow(RangeError);
  });
});

describe('allocate', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [101, [1, 1], [51, 50]],
    [-100, [1, 1, 1], [-34, -33, -33]],
    [0, [1, 2], [0, 0]],
    [1000, [0.5, 0.25, 0.25], [500, 250, 250]],
    [1, [1, 1, 1], [1, 0, 0]],
    [99999, [3, 0, 7], [30000, 0, 69999]],
    [123457, [2, 1], [82305, 41152]],
    [50, [0, 1], [0, 50]],
  ])('%i by %j → %j', (total, ratios, parts) => {
    const result = allocate(total, ratios);
    expect(result).toEqual(parts);
    expect(result.reduce((a, b) => a + b, 0)).toBe(total);
  });
  it('always sums exactly', () => {
    for (let total = -500; total <= 500; total += 7) {
      for (const ratios of [[1, 2, 3], [0.1, 0.2, 0.7], [1, 1, 1, 1, 1, 1, 1]]) {
        expect(allocate(total, ratios).reduce((a, b) => a + b, 0)).toBe(total);
      }
    }
  });
  it.each([
    [[], 'at least one'],
    [[0, 0], 'positive'],
    [[1, -1], 'not negative'],
  ])('refuses ratios %j', (ratios, message) => {
    expect(() => allocate(100, ratios)).toThrow(message);
  });
  it('refuses fractional cents', () => {
    expect(() => allocate(10.5, [1])).toThrow(RangeError);
  });
});
