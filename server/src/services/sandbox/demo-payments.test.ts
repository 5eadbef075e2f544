import { describe, expect, it } from 'vitest';
import { settlementDate } from '@shared/domain/payment-dates';
import { demoPaymentDate } from './demo-payments';

describe('demoPaymentDate', () => {
  it.each([
    // Due on a Tuesday: paid Monday, settled on the due date.
    ['2026-12-01', '2026-11-30', '2026-12-01'],
    // Due on a Sunday: paid Thursday, settled Friday, before the weekend.
    ['2026-11-01', '2026-10-29', '2026-10-30'],
    // Due on New Year's Day (a holiday): paid on the 30th, settled on the 31st.
    ['2027-01-01', '2026-12-30', '2026-12-31'],
    // Due on a Monday: paid the Friday before, settled Monday.
    ['2027-02-01', '2027-01-29', '2027-02-01'],
  ])('due %s: paid %s, settled %s, never after the due date', (due, paid, settled) => {
    expect(demoPaymentDate(due)).toBe(paid);
    expect(settlementDate(paid)).toBe(settled);
  });
});
