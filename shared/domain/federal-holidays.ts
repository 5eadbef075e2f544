import { dayOfWeek, epochDayFromParts, fromEpochDay, fromParts } from '../util/dates';

/**
 * US federal holidays (5 U.S.C. 6103) with their observed dates: a Saturday holiday is observed the
 * Friday before, a Sunday one the Monday after (Executive Order 11582; OPM). The Federal Reserve
 * follows the same calendar for ACH settlement, which is what "business day" means here.
 * Juneteenth became a holiday on 2021-06-17 (Pub. L. 117-17), first observed Friday 2021-06-18.
 */
export interface FederalHoliday {
  name: string;
  /** The legal date. */
  date: string;
  /** The weekday it is observed on; may fall in the previous year (New Year's Day on a Saturday). */
  observed: string;
}

export function federalHolidays(year: number): FederalHoliday[] {
  const fixed = (name: string, month: number, day: number): FederalHoliday => {
    const epochDay = epochDayFromParts(year, month, day);
    const dow = dayOfWeek(fromEpochDay(epochDay));
    const shift = dow === 6 ? -1 : dow === 7 ? 1 : 0;
    return { name, date: fromParts(year, month, day), observed: fromEpochDay(epochDay + shift) };
  };
  const nth = (name: string, month: number, weekday: number, n: number): FederalHoliday => {
    const first = epochDayFromParts(year, month, 1);
    const offset = (weekday - dayOfWeek(fromEpochDay(first)) + 7) % 7;
    const date = fromEpochDay(first + offset + (n - 1) * 7);
    return { name, date, observed: date };
  };
  const lastMonday = (name: string, month: number): FederalHoliday => {
    const last = epochDayFromParts(year, month + 1, 1) - 1;
    const back = (dayOfWeek(fromEpochDay(last)) - 1 + 7) % 7;
    const date = fromEpochDay(last - back);
    return { name, date, observed: date };
  };
  const holidays = [
    fixed("New Year's Day", 1, 1),
    nth('Birthday of Martin Luther King, Jr.', 1, 1, 3),
    nth("Washington's Birthday", 2, 1, 3),
    lastMonday('Memorial Day', 5),
    ...(year >= 2021 ? [fixed('Juneteenth National Independence Day', 6, 19)] : []),
    fixed('Independence Day', 7, 4),
    nth('Labor Day', 9, 1, 1),
    nth('Columbus Day', 10, 1, 2),
    fixed('Veterans Day', 11, 11),
    nth('Thanksgiving Day', 11, 4, 4),
    fixed('Christmas Day', 12, 25),
  ];
  return holidays;
}

const observedByYear = new Map<number, Map<string, string>>();

/** Observed holidays that fall in `year` (including next year's New Year's Day observed on Dec 31). */
function observedIn(year: number): Map<string, string> {
  let set = observedByYear.get(year);
  if (!set) {
    set = new Map();
    for (const h of [...federalHolidays(year), ...federalHolidays(year + 1)]) {
      if (h.observed.startsWith(`${String(year).padStart(4, '0')}-`)) set.set(h.observed, h.name);
    }
    observedByYear.set(year, set);
  }
  return set;
}

/** The holiday observed on `date`, or null. */
export function observedHolidayOn(date: string): string | null {
  return observedIn(Number(date.slice(0, 4))).get(date) ?? null;
}
