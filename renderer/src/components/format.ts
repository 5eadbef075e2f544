import type { MemberStatus } from '@shared/contract/schemas/member';
import { createDateFormatter, pickLocale } from '@shared/util/date-format';

// Every date and time on screen goes through this one formatter, in the reader's locale (the United
// States when the browser names none this runtime knows).
const dates = createDateFormatter(pickLocale(typeof navigator === 'undefined' ? undefined : navigator.languages));
const numberFormat = new Intl.NumberFormat(dates.locale);

/** `1984-03-07` → `03/07/1984` in the United States: a plan date, the same in every time zone. */
export const formatDate = (iso: string | null): string => dates.date(iso);

/** An instant as local time: `Today 07:12`, `Dec 4, 23:59`, or with the year when it is another one. */
export const formatInstant = (iso: string, now: Date = new Date()): string => dates.instant(iso, now);

/** A sentence from the core or the plan with its plan dates (`2026-05-31`) in the screen's format. */
export const formatDatesIn = (text: string): string => dates.datesIn(text);

export const formatCount = (n: number) => numberFormat.format(n);

export const plural = (n: number, one: string, many: string) => `${n === 0 ? 'No' : formatCount(n)} ${n === 1 ? one : many}`;

export const statusLabels: Record<MemberStatus, string> = { active: 'Active', pending: 'Pending', terminated: 'Terminated' };

export const fullName = (m: { firstName: string; lastName: string }) => `${m.lastName}, ${m.firstName}`;

const monthFormat = new Intl.DateTimeFormat(dates.locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2026-03` → `Mar 2026`. */
export function formatMonth(yearMonth: string): string {
  const [y, m] = yearMonth.split('-').map(Number);
  if (y === undefined || m === undefined) return yearMonth;
  return monthFormat.format(new Date(Date.UTC(y, m - 1, 1)));
}
