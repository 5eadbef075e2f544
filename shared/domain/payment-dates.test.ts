import { describe, expect, it } from 'vitest';
import { cutoffOf, earliestPaymentDate, paymentDateProblem, planBankingDay, settlementDate } from './payment-dates';

const at = (iso: string) => new Date(iso);

describe('payment dates', () => {
  it('counts the day in Eastern time', () => {
    // 02:00 UTC on Dec 8 is still Dec 7 in New York (UTC−5 in winter).
    expect(planBankingDay(at('2026-12-08T02:00:00Z'))).toBe('2026-12-07');
    expect(planBankingDay(at('2026-07-08T03:59:00Z'))).toBe('2026-07-07'); // UTC−4 in summer
  });

  it('puts the cut-off at 5 p.m. Eastern, in winter and in summer', () => {
    expect(cutoffOf('2026-12-07')).toBe('2026-12-07T22:00:00Z');
    expect(cutoffOf('2026-07-07')).toBe('2026-07-07T21:00:00Z');
  });

  it.each([
    ['a Monday before the cut-off', '2026-12-07T21:59:00Z', '2026-12-07'],
    ['a Monday at the cut-off', '2026-12-07T22:00:00Z', '2026-12-08'],
    ['a Friday evening', '2026-12-11T23:30:00Z', '2026-12-14'],
    ['a Saturday', '2026-12-12T15:00:00Z', '2026-12-14'],
    ['Christmas Eve after the cut-off (Christmas is a holiday)', '2026-12-24T23:00:00Z', '2026-12-28'],
    ['New Year’s Eve after the cut-off, across the year end', '2026-12-31T23:00:00Z', '2027-01-04'],
  ])('on %s the earliest date is the right business day', (_, now, earliest) => {
    expect(earliestPaymentDate(at(now))).toBe(earliest);
  });

  it('settles on the next banking day after the file is sent', () => {
    expect(settlementDate('2026-12-07')).toBe('2026-12-08');
    expect(settlementDate('2026-12-11')).toBe('2026-12-14');
    expect(settlementDate('2026-12-24')).toBe('2026-12-28');
  });

  it('takes a business day from the earliest to the due date, and says why another is refused', () => {
    const now = at('2026-12-07T15:00:00Z');
    expect(paymentDateProblem('2026-12-07', now, '2027-01-01')).toBeNull();
    expect(paymentDateProblem('2026-12-31', now, '2027-01-01')).toBeNull();
    expect(paymentDateProblem('2026-12-04', now, '2027-01-01')).toMatch(/earliest date is 2026-12-07/);
    expect(paymentDateProblem('2026-12-12', now, '2027-01-01')).toMatch(/business day/);
    expect(paymentDateProblem('2027-01-04', now, '2027-01-01')).toMatch(/up to 2027-01-01/);
    // Past due: only the earliest date.
    expect(paymentDateProblem('2026-12-08', now, '2026-12-01')).toMatch(/up to 2026-12-07/);
  });
});
