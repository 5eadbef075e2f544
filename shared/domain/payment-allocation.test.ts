import { describe, expect, it } from 'vitest';
import { allocateOldestFirst } from './payment-allocation';

const open = [
  { invoiceNumber: 'INV-1001-202612-AAAAAA', periodStart: '2026-12-01', openCents: 50_000 },
  { invoiceNumber: 'INV-1001-202610-CCCCCC', periodStart: '2026-10-01', openCents: 0 },
  { invoiceNumber: 'INV-1001-202611-BBBBBB', periodStart: '2026-11-01', openCents: 20_000 },
];

describe('allocateOldestFirst', () => {
  it.each([
    ['the whole balance', 70_000, [['INV-1001-202611-BBBBBB', 20_000], ['INV-1001-202612-AAAAAA', 50_000]], 0],
    ['less than the oldest', 15_000, [['INV-1001-202611-BBBBBB', 15_000]], 0],
    ['the oldest and part of the next', 30_001, [['INV-1001-202611-BBBBBB', 20_000], ['INV-1001-202612-AAAAAA', 10_001]], 0],
    ['more than is open', 70_050, [['INV-1001-202611-BBBBBB', 20_000], ['INV-1001-202612-AAAAAA', 50_000]], 50],
  ])('%s', (_, amount, expected, left) => {
    const result = allocateOldestFirst(amount, open);
    expect(result.allocations.map((a) => [a.invoiceNumber, a.amountCents])).toEqual(expected);
    expect(result.unallocatedCents).toBe(left);
  });

  it('refuses an amount that is not a positive whole number of cents', () => {
    for (const bad of [0, -1, 1.5, Number.NaN]) expect(() => allocateOldestFirst(bad, open)).toThrow(RangeError);
  });
});
