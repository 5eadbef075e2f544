import { addBusinessDays, isBusinessDay } from '@shared/domain/business-days';
import type { AutopayRule } from '@shared/plan-api/payments';

/**
 * The day autopay debits an invoice under its rule: its due date, or that many business days
 * before; a due date that is not a business day (the 1st falling on a weekend or New Year's Day)
 * is debited on the business day before, so the money is in by the due date.
 */
export function autopayDebitDate(dueDate: string, rule: AutopayRule): string {
  const onOrBefore = isBusinessDay(dueDate) ? dueDate : addBusinessDays(dueDate, -1);
  return rule.timing === 'days_before' && rule.daysBefore !== null ? addBusinessDays(onOrBefore, -rule.daysBefore) : onOrBefore;
}

/** How e-mails and the authorization's `{rule}` say it. */
export const autopayRuleWords = (rule: AutopayRule): string =>
  rule.timing === 'days_before' && rule.daysBefore !== null
    ? `${rule.daysBefore} business day${rule.daysBefore === 1 ? '' : 's'} before each invoice’s due date`
    : 'on each invoice’s due date';

/** The pre-debit e-mail goes this many business days before each debit. */
export const PRE_DEBIT_NOTICE_BUSINESS_DAYS = 5;
