import { describe, expect, it } from 'vitest';
import { parseDollars } from './dollars';

describe('parseDollars', () => {
  it.each([
    ['$41,822.50', 4_182_250],
    ['41822.5', 4_182_250],
    ['  $ 1 234.56 ', 123_456],
    ['0.07', 7],
    ['980', 98_000],
  ])('reads %s as %i cents', (typed, cents) => expect(parseDollars(typed)).toBe(cents));

  it.each(['', '$', '12.345', '1,23.00', '-5.00', '12.3.4', 'ten dollars'])('refuses %j', (typed) => expect(parseDollars(typed)).toBeNull());
});
