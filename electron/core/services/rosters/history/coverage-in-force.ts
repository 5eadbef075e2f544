/**
 * The SQL condition "this coverage period is in force on the day @on": it began on or before, and it
 * has no end or ends on or after. A period the plan replaced on its first day ends the day before it
 * starts, so it is never in force. History is end-dated and appended, so a member has at most one
 * period in force on any day.
 */
export const inForceOn = (alias: string, day: string): string =>
  `${alias}.start_date <= @${day} AND (${alias}.end_date IS NULL OR ${alias}.end_date >= @${day})`;
