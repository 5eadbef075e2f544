import type { Database } from 'better-sqlite3';
import { isReturnCode, returnReasonWords } from '@shared/domain/ach-return-codes';
import type { Payment } from '@shared/plan-api/payments';
import { statement } from '../store/statements';

/**
 * How notifications about payments name a group. They name no member and no account number (they
 * also become OS notifications): the group, the amount, the account's nickname. Their dates stay
 * plan dates (`2026-12-08`), which every screen and the OS notification write in the reader's format.
 */

export function groupInWords(db: Database, groupNumber: string): string {
  const name = statement(db, 'SELECT name FROM groups WHERE group_number = ?').pluck().get(groupNumber);
  return typeof name === 'string' ? `${name} (group ${groupNumber})` : `group ${groupNumber}`;
}

/** Where payments are listed in the app. */
export const paymentsLink = '#/billing/payments';

/**
 * Why the bank returned a payment, in the words the plan's returns table gives each code (what
 * happened, then what to do), so the desktop says what the plan's e-mail said; a code outside the
 * table keeps the plan's own words.
 */
export function returnReasonOf(payment: Pick<Payment, 'returnCode' | 'returnReason'>): string {
  if (payment.returnCode !== null && isReturnCode(payment.returnCode)) return returnReasonWords(payment.returnCode);
  return payment.returnReason ?? 'The bank did not say why.';
}
