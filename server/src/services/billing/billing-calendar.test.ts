import { describe, expect, it } from 'vitest';
import { dueDateOf, latestIssuedPeriod, periodsDue, scheduledIssueDate } from './billing-calendar';

describe('the billing calendar', () => {
  it.each([
    ['2026-12-01', '2026-11-15'],
    ['2027-01-01', '2026-12-15'],
    ['2026-03-01', '2026-02-15'],
  ])('the invoice of %s is issued on %s', (period, issuedOn) => {
    expect(scheduledIssueDate(period)).toBe(issuedOn);
  });

  it.each([
    ['2026-11-14', '2026-11-01'],
    ['2026-11-15', '2026-12-01'],
    ['2026-12-31', '2027-01-01'],
    ['2027-01-01', '2027-01-01'],
  ])('by %s the calendar has issued the invoice of %s', (today, period) => {
    expect(latestIssuedPeriod(today)).toBe(period);
  });

  it.each([
    ['2026-12-01', '2026-11-15', '2026-12-01'],
    ['2026-12-01', '2026-12-09', '2026-12-09'],
  ])('the invoice of %s issued on %s is due %s', (period, issuedOn, due) => {
    expect(dueDateOf(period, issuedOn)).toBe(due);
  });

  it.each<[string, string | null, string, string[]]>([
    ['a group never invoiced: the latest month only', null, '2026-11-20', ['2026-12-01']],
    ['before the bill day: nothing new', '2026-11-01', '2026-11-14', []],
    ['on the bill day: next month', '2026-11-01', '2026-11-15', ['2026-12-01']],
    ['run twice the same day: nothing the second time', '2026-12-01', '2026-11-15', []],
    ['down three months: each missed month, oldest first', '2026-11-01', '2027-02-20', ['2026-12-01', '2027-01-01', '2027-02-01', '2027-03-01']],
    ['across the year end', '2026-12-01', '2026-12-15', ['2027-01-01']],
    ['invoiced ahead by an operator: nothing due', '2027-01-01', '2026-11-20', []],
  ])('%s', (_, latest, today, due) => {
    expect(periodsDue(latest, today)).toEqual(due);
  });
});
