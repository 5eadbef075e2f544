const calendarDay = new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
const localDay = new Intl.DateTimeFormat('en-US', { month: 'long', day: 'numeric', year: 'numeric' });

/**
 * `2026-12-04` → `December 4, 2026`: the words account letters use for a date the reader acts on
 * (a request's expected completion, a code's expiry). A plan date is formatted in UTC so no time
 * zone moves it; an instant (`…T…Z`) is the day it falls on here.
 */
export function formatLongDate(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return calendarDay.format(new Date(`${iso}T00:00:00Z`));
  return localDay.format(new Date(iso));
}
