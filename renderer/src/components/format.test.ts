import { describe, expect, it } from 'vitest';
import { formatDate, formatDatesIn, formatInstant, formatMonth } from './format';

// The renderer's tests run at UTC+14 (vitest.config.ts), so 10:00 UTC is local midnight.
describe('formatInstant', () => {
  const now = new Date('2026-12-04T11:00:00.000Z');

  it.each([
    ['a time earlier the same local day, saying so', '2026-12-04T10:42:00.000Z', 'Today 00:42'],
    ['local midnight as 00:00, not 24:00', '2026-12-04T10:00:00.000Z', 'Today 00:00'],
    ['the local day, not UTC’s, for a time on an earlier one', '2026-12-04T09:59:00.000Z', 'Dec 4, 23:59'],
    ['the year when it is not this one', '2025-11-04T09:59:00.000Z', 'Nov 4, 2025, 23:59'],
  ])('shows %s', (_case, iso, shown) => {
    expect(formatInstant(iso, now)).toBe(shown);
  });
});

describe('formatDate', () => {
  it('shows a plan date as it is, in any time zone', () => {
    expect(formatDate('2026-12-04')).toBe('12/04/2026');
  });
});

describe('formatDatesIn', () => {
  it('shows the plan dates of a core message in the screen’s format', () => {
    expect(formatDatesIn('Coverage can end no earlier than 2024-05-31.')).toBe('Coverage can end no earlier than 05/31/2024.');
  });
});

describe('formatMonth', () => {
  it('names a plan month as it is, in any time zone', () => {
    expect(formatMonth('2026-01')).toBe('Jan 2026');
    expect(formatMonth('2025-12')).toBe('Dec 2025');
  });
});
