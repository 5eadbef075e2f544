import { Temporal } from 'temporal-polyfill';

/**
 * Calendar dates are ISO `YYYY-MM-DD` strings everywhere (docs/architecture.md#storage). These helpers take and
 * return such strings and do the arithmetic on integers (days since 1970-01-01), because the roster
 * and the sandbox generator run them hundreds of thousands of times and a Temporal object per call
 * costs far more than the math. `parsePlainDate` is the bridge for callers that want a PlainDate.
 * Nothing here reads the clock: "today" is always an argument.
 */

/** A Temporal.PlainDate from an ISO date; `2026-02-30` throws instead of rolling over to March. */
export function parsePlainDate(iso: string): Temporal.PlainDate {
  if (!isIsoDate(iso)) throw new RangeError(`Not an existing date in the form YYYY-MM-DD: ${iso}`);
  return Temporal.PlainDate.from(iso, { overflow: 'reject' });
}

/** True when `value` is `YYYY-MM-DD` and that day exists. */
export function isIsoDate(value: string): boolean {
  return readParts(value) !== null;
}

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function toParts(iso: string): DateParts {
  const parts = readParts(iso);
  if (parts === null) throw new RangeError(`Not an existing date in the form YYYY-MM-DD: ${iso}`);
  return parts;
}

/**
 * Reads `YYYY-MM-DD` digit by digit: this runs for every date of a 250,000-member roster, where a
 * regular expression and three `Number(slice)` calls cost several times more.
 */
function readParts(iso: string): DateParts | null {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return null;
  const year = digits(iso, 0, 4);
  const month = digits(iso, 5, 7);
  const day = digits(iso, 8, 10);
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

/** The number written by the ASCII digits in [from, to), or -1 if any is not a digit. */
function digits(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

export function fromParts(year: number, month: number, day: number): string {
  if (year < 0 || year > 9999) throw new RangeError(`Year ${year} cannot be written as YYYY`);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Days since 1970-01-01 (negative before). Howard Hinnant's days_from_civil. */
export function epochDayFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function toEpochDay(iso: string): number {
  const { year, month, day } = toParts(iso);
  return epochDayFromParts(year, month, day);
}

/** Inverse of `toEpochDay` (Hinnant's civil_from_days). */
export function partsFromEpochDay(epochDay: number): DateParts {
  const z = epochDay + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

export function fromEpochDay(epochDay: number): string {
  const { year, month, day } = partsFromEpochDay(epochDay);
  return fromParts(year, month, day);
}

export function addDays(iso: string, days: number): string {
  return fromEpochDay(toEpochDay(iso) + days);
}

/** Calendar months; a day that does not exist in the target month clamps to its last day (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(iso: string, months: number): string {
  const { year, month, day } = toParts(iso);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return fromParts(y, m, Math.min(day, daysInMonth(y, m)));
}

/** Calendar years; Feb 29 clamps to Feb 28 in a common year. */
export function addYears(iso: string, years: number): string {
  return addMonths(iso, years * 12);
}

export function firstOfMonth(iso: string): string {
  const { year, month } = toParts(iso);
  return fromParts(year, month, 1);
}

export function endOfMonth(iso: string): string {
  const { year, month } = toParts(iso);
  return fromParts(year, month, daysInMonth(year, month));
}

export function firstOfNextMonth(iso: string): string {
  const { year, month } = toParts(iso);
  return month === 12 ? fromParts(year + 1, 1, 1) : fromParts(year, month + 1, 1);
}

/** The date itself when it is the 1st, else the 1st of the next month. */
export function firstOfMonthOnOrAfter(iso: string): string {
  return toParts(iso).day === 1 ? iso : firstOfNextMonth(iso);
}

/** -1, 0 or 1. Valid ISO dates order as strings; parsing first makes a malformed one throw instead of mis-sorting. */
export function compareDates(a: string, b: string): -1 | 0 | 1 {
  const da = toEpochDay(a);
  const db = toEpochDay(b);
  return da < db ? -1 : da > db ? 1 : 0;
}

export function minDate(first: string, ...rest: string[]): string {
  return rest.reduce((min, d) => (compareDates(d, min) < 0 ? d : min), first);
}

export function maxDate(first: string, ...rest: string[]): string {
  return rest.reduce((max, d) => (compareDates(d, max) > 0 ? d : max), first);
}

/** Days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** Whole years of age on `on`; someone born Feb 29 turns a year older on Mar 1 in a common year. */
export function ageOn(dateOfBirth: string, on: string): number {
  const b = toParts(dateOfBirth);
  const o = toParts(on);
  const hadBirthday = o.month > b.month || (o.month === b.month && o.day >= b.day);
  return o.year - b.year - (hadBirthday ? 0 : 1);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function dayOfWeek(iso: string): number {
  // 1970-01-01 was a Thursday (4).
  return ((((toEpochDay(iso) + 3) % 7) + 7) % 7) + 1;
}
