import { Temporal } from 'temporal-polyfill';

/** Today in the user's time zone: coverage starts and ends on their calendar, not UTC's. */
export function clockToday(fixed: string | undefined): () => string {
  return fixed === undefined ? () => Temporal.Now.plainDateISO().toString() : () => fixed;
}
