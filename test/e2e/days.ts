import { addDays } from '@shared/util/dates';

/**
 * The end-to-end journeys run the real programs, which read the real clock, so their dates are
 * counted from today. These helpers say from which calendar: the plan service and the wizards count
 * days in UTC, the desktop core in the machine's time zone, and for part of every day the two differ
 * wherever the machine is not on UTC (at UTC+14 the local day is ahead from 10:00 UTC on).
 */

const localDay = (at: Date): string => `${at.getFullYear()}-${String(at.getMonth() + 1).padStart(2, '0')}-${String(at.getDate()).padStart(2, '0')}`;

/** The plan's day (UTC), `offsetDays` from today: for what only the plan service checks. */
export function planDay(offsetDays = 0): string {
  return addDays(new Date().toISOString().slice(0, 10), offsetDays);
}

/**
 * A day `offsetDays` from the earlier of today's two calendar days: typed into a wizard, whose date
 * the desktop core and the plan service both check, it is in the future for neither.
 */
export function typedDay(offsetDays = 0): string {
  const [earlier] = [planDay(), localDay(new Date())].sort();
  return addDays(earlier as string, offsetDays);
}

/** Whole days from the plan's today to a plan date (`YYYY-MM-DD`). */
export function planDaysUntil(date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${planDay()}T00:00:00Z`)) / 86_400_000);
}
