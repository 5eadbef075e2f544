import { dayOfWeek, fromEpochDay, toEpochDay } from '../util/dates';
import { observedHolidayOn } from './federal-holidays';

/**
 * Business days skip weekends and observed US federal holidays (docs/architecture.md#domain-rules): request
 * processing ("3–5 business days") and ACH effective entry dates (the next banking day) count them.
 */
export function isBusinessDay(date: string): boolean {
  return dayOfWeek(date) < 6 && observedHolidayOn(date) === null;
}

/** `date` itself when it is a business day, else the next one (ACH: next banking day on or after). */
export function nextBusinessDay(date: string): string {
  let day = toEpochDay(date);
  while (!isBusinessDay(fromEpochDay(day))) day += 1;
  return fromEpochDay(day);
}

/**
 * Moves `n` business days from `date` (back when negative); the start day itself is not counted,
 * so Friday + 1 is Monday. `n = 0` returns `date` unchanged.
 */
export function addBusinessDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError('Business days are whole days');
  const step = n < 0 ? -1 : 1;
  let day = toEpochDay(date);
  for (let left = Math.abs(n); left > 0; ) {
    day += step;
    if (isBusinessDay(fromEpochDay(day))) left -= 1;
  }
  return fromEpochDay(day);
}

/**
 * Business days from `from` to `to`, counted the way `addBusinessDays` steps: forward, the days after
 * `from` through `to`; backward (negative), the days from `to` up to the day before `from`. So
 * `businessDaysBetween(d, addBusinessDays(d, n)) === n` for every `d` and `n`.
 */
export function businessDaysBetween(from: string, to: string): number {
  const a = toEpochDay(from);
  const b = toEpochDay(to);
  let count = 0;
  if (a <= b) {
    for (let day = a + 1; day <= b; day++) if (isBusinessDay(fromEpochDay(day))) count += 1;
    return count;
  }
  for (let day = b; day < a; day++) if (isBusinessDay(fromEpochDay(day))) count += 1;
  return -count;
}
