import { Temporal } from 'temporal-polyfill';
import { addBusinessDays, isBusinessDay } from './business-days';

/**
 * When a payment may be dated, and when it settles. The plan sends each business day's ACH file at
 * its cut-off, 5:00 p.m. Eastern: a payment dated today goes in today's file if it is submitted
 * before then, and in the next business day's file otherwise. An ACH debit's effective entry date is
 * the next banking day after the file is sent, so that is when it settles. Until its date's cut-off a
 * payment can be cancelled; after that it is in a file at the bank.
 */
export const PAYMENT_CUTOFF = { hour: 17, minute: 0, timeZone: 'America/New_York', words: '5:00 p.m. Eastern' } as const;

const zoned = (now: Date) => Temporal.Instant.fromEpochMilliseconds(now.getTime()).toZonedDateTimeISO(PAYMENT_CUTOFF.timeZone);

/** The plan's calendar day in Eastern time, where its banking days are counted. */
export const planBankingDay = (now: Date): string => zoned(now).toPlainDate().toString();

/** The cut-off of a date, as an instant (ISO UTC): a payment of that date can be cancelled until then. */
export function cutoffOf(date: string): string {
  const at = Temporal.PlainDate.from(date).toZonedDateTime({ timeZone: PAYMENT_CUTOFF.timeZone, plainTime: { hour: PAYMENT_CUTOFF.hour, minute: PAYMENT_CUTOFF.minute } });
  return at.toInstant().toString();
}

/** The first date a payment submitted now can carry: today before the cut-off on a business day, else the next business day. */
export function earliestPaymentDate(now: Date): string {
  const today = planBankingDay(now);
  if (isBusinessDay(today) && now.getTime() < Date.parse(cutoffOf(today))) return today;
  return addBusinessDays(today, 1);
}

/** When a debit sent in the file of `paymentDate` settles: the next banking day. */
export const settlementDate = (paymentDate: string): string => addBusinessDays(paymentDate, 1);

/** The latest date the user may choose: the due date (when it is still ahead), else only the earliest. */
export function latestPaymentDate(now: Date, dueDate: string | null): string {
  const earliest = earliestPaymentDate(now);
  return dueDate !== null && dueDate > earliest ? dueDate : earliest;
}

/** Why a date cannot be a payment's, in words for its field; null when it can. */
export function paymentDateProblem(date: string, now: Date, dueDate: string | null): string | null {
  const earliest = earliestPaymentDate(now);
  if (date < earliest) return `The earliest date is ${earliest}: today's payments are sent at ${PAYMENT_CUTOFF.words}`;
  if (!isBusinessDay(date)) return 'Choose a business day: payments are not sent on weekends or federal holidays';
  const latest = latestPaymentDate(now, dueDate);
  if (date > latest) return `Choose a date up to ${latest}, the due date`;
  return null;
}
