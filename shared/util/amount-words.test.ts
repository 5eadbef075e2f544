import { describe, expect, it } from 'vitest';
import { amountInWords } from './amount-words';

describe('amountInWords', () => {
  it.each([
    [0, 'Zero and 00/100 dollars'],
    [5, 'Zero and 05/100 dollars'],
    [100, 'One and 00/100 dollars'],
    [1_999, 'Nineteen and 99/100 dollars'],
    [412_550, 'Four thousand one hundred twenty-five and 50/100 dollars'],
    [4_304_025, 'Forty-three thousand forty and 25/100 dollars'],
    [100_000_000, 'One million and 00/100 dollars'],
    [12_345_678_901, 'One hundred twenty-three million four hundred fifty-six thousand seven hundred eighty-nine and 01/100 dollars'],
  ])('%i cents', (cents, words) => {
    expect(amountInWords(cents)).toBe(words);
  });

  it('refuses negative or fractional cents', () => {
    expect(() => amountInWords(-1)).toThrow(RangeError);
    expect(() => amountInWords(1.5)).toThrow(RangeError);
  });
});
