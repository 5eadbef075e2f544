import { describe, expect, it } from 'vitest';
import { earliestRetroDate, validateRetroDate } from './retro-window';

describe('earliestRetroDate', () => {
  it.each([
    ['2026-11-27', 2, '2026-09-01'],
    ['2026-11-01', 2, '2026-09-01'],
    ['2026-11-30', 2, '2026-09-01'],
    ['2026-01-15', 2, '2025-11-01'],
    ['2026-02-28', 1, '2026-01-01'],
    ['2026-03-31', 0, '2026-03-01'],
    ['2024-02-29', 12, '2023-02-01'],
    ['2027-01-01', 3, '2026-10-01'],
  ])('today %s, %i months → %s', (today, retroMonths, earliest) => {
    expect(earliestRetroDate({ retroMonths }, today)).toBe(earliest);
  });
});

describe('validateRetroDate', () => {
  it.each([
    ['2026-09-01', 2, true],
    ['2026-08-31', 2, false],
    ['2027-06-01', 2, true],
    ['2026-11-01', 0, true],
    ['2026-10-31', 0, false],
  ])('%s with %i retro months on 2026-11-27 → allowed %s', (date, retroMonths, ok) => {
    expect(validateRetroDate(date, { retroMonths }, '2026-11-27').ok).toBe(ok);
  });
  it.each([
    [2, 'Termination date must be on or after 2026-09-01: retroactive changes are limited to the current month and the two before it.'],
    [1, 'Termination date must be on or after 2026-10-01: retroactive changes are limited to the current month and the one before it.'],
    [0, 'Termination date must be on or after 2026-11-01: retroactive changes are limited to the current month.'],
  ])('message for %i retro months', (retroMonths, message) => {
    expect(validateRetroDate('2026-01-31', { retroMonths }, '2026-11-27', 'terminationDate', 'Termination date')).toEqual({
      ok: false,
      code: 'RULE',
      field: 'terminationDate',
      message,
    });
  });
});
