import type { Database } from 'better-sqlite3';
import { statement } from '../store/statements';

/**
 * How notifications about payments name a group and a date. They name no member and no account
 * number (they also become OS notifications): the group, the amount, the account's nickname.
 */

// Calendar dates are read as UTC midnights, so the zone is UTC whatever the machine's.
const longDate = new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' });

export const dateInWords = (isoDate: string): string => longDate.format(new Date(`${isoDate}T00:00:00Z`));

export function groupInWords(db: Database, groupNumber: string): string {
  const name = statement(db, 'SELECT name FROM groups WHERE group_number = ?').pluck().get(groupNumber);
  return typeof name === 'string' ? `${name} (group ${groupNumber})` : `group ${groupNumber}`;
}

/** Where payments are listed in the app. */
export const paymentsLink = '#/billing/payments';
