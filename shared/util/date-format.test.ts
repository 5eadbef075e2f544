import { describe, expect, it } from 'vitest';
import { createDateFormatter, pickLocale, planDates, planInstant } from './date-format';

const us = createDateFormatter('en-US', 'America/New_York');
const now = new Date('2026-12-06T23:30:00.000Z'); // 18:30 on Dec 6 in New York

describe('one date format', () => {
  it('writes a plan date as the United States does by default, and as the reader’s locale does when known', () => {
    expect(createDateFormatter().date('1998-05-10')).toBe('05/10/1998');
    expect(createDateFormatter('en-GB').date('1998-05-10')).toBe('10/05/1998');
    expect(createDateFormatter('de-DE').date('1998-05-10')).toBe('10.05.1998');
    expect(us.date(null)).toBe('—');
    expect(us.date('2026-02-30')).toBe('2026-02-30');
  });

  it.each([
    ['today’s time says Today', '2026-12-06T23:52:00.000Z', 'Today 18:52'],
    ['an earlier day this year names the day', '2026-12-06T04:52:00.000Z', 'Dec 5, 23:52'],
    ['another year names the year', '2025-12-06T23:52:00.000Z', 'Dec 6, 2025, 18:52'],
  ])('%s', (_case, iso, shown) => {
    expect(us.instant(iso, now)).toBe(shown);
  });

  it('writes an instant with its full date for paper', () => {
    expect(createDateFormatter('en-US', 'UTC').dateTime('2026-12-06T19:01:30.000Z')).toBe('12/06/2026 19:01');
  });

  it('writes the plan service\'s paper and mail in the same format, its instants in UTC and saying so', () => {
    expect(planDates.date('2026-12-01')).toBe('12/01/2026');
    expect(planInstant('2026-12-06T19:01:30.000Z')).toBe('12/06/2026 19:01 UTC');
  });

  it('rewrites the plan dates of a rule message, and nothing that only looks like one', () => {
    expect(us.datesIn('Coverage can end no earlier than 2026-10-01 and no later than 2026-12-31.')).toBe('Coverage can end no earlier than 10/01/2026 and no later than 12/31/2026.');
    expect(us.datesIn('Confirmation TX-2026-12-07 and 2026-13-01 stay; 12026-12-01 too.')).toBe('Confirmation TX-2026-12-07 and 2026-13-01 stay; 12026-12-01 too.');
    expect(createDateFormatter('en-GB').datesIn('Ends 2024-05-31.')).toBe('Ends 31/05/2024.');
  });

  it('rewrites the instants of a rule message as local times, with the day unless it is today\'s', () => {
    expect(us.datesIn('Too many wrong access codes: try again after 2026-12-07T00:15Z.', now)).toBe('Too many wrong access codes: try again after today 19:15.');
    expect(us.datesIn('A code went to kim@example.com at 2026-12-06T04:52Z; send a new one after 2026-12-07T05:10Z.', now)).toBe('A code went to kim@example.com at Dec 5, 23:52; send a new one after Dec 7, 00:10.');
    expect(us.datesIn('2026-12-06T23:52:00.000Z: locked.', now)).toBe('Today 18:52: locked.');
  });

  it('takes the first locale the reader prefers that this runtime knows, else the United States', () => {
    expect(pickLocale(['en-GB', 'en-US'])).toBe('en-GB');
    expect(pickLocale(['not a locale!', 'fr-CA'])).toBe('fr-CA');
    expect(pickLocale([])).toBe('en-US');
    expect(pickLocale(undefined)).toBe('en-US');
  });
});
