import type { PaymentItem } from '@shared/contract/methods/payments';
import type { AccountType, AutopayRule, BankAccount, BankAccountStatus } from '@shared/plan-api/payments';
import type { ContractError } from '@shared/contract';

export type PaymentState = PaymentItem['state'];

export const paymentStateLabels: Record<PaymentState, string> = {
  queued: 'Waiting to send',
  sending: 'Sending',
  needs_new_date: 'Needs a new date',
  rejected: 'Rejected',
  scheduled: 'Scheduled',
  processing: 'Processing',
  settled: 'Settled',
  returned: 'Returned',
  cancelled: 'Cancelled',
};

export const accountStatusLabels: Record<BankAccountStatus, string> = {
  verifying: 'Verifying',
  verified: 'Verified',
  failed: 'Failed',
  disabled: 'Disabled',
};

export const accountTypeLabels: Record<AccountType, string> = { checking: 'Checking', savings: 'Savings' };

/** `Operating account (checking ••••4321)`: how every screen names an account, never more than its last four digits. */
export function accountName(a: Pick<BankAccount, 'nickname' | 'accountType' | 'accountLast4'>): string {
  return `${a.nickname} (${a.accountType} ••••${a.accountLast4})`;
}

/** The autopay rule in words, as the authorization and the autopay card say it. */
export function ruleWords(rule: AutopayRule): string {
  if (rule.timing === 'due_date' || rule.daysBefore === null) return 'on each invoice’s due date';
  return `${rule.daysBefore} ${rule.daysBefore === 1 ? 'business day' : 'business days'} before each invoice’s due date`;
}

/** The plan's authorization text with its placeholders filled, exactly as the user accepts it. */
export function fillAuthorization(text: string, values: Partial<Record<'amount' | 'account' | 'date' | 'rule', string>>): string {
  return text.replace(/\{(amount|account|date|rule)\}/g, (whole, key: 'amount' | 'account' | 'date' | 'rule') => values[key] ?? whole);
}

/** A refusal in words; offline, that nothing was changed and when to try again. */
export function refusalWords(error: ContractError, what: string): string {
  return error.code === 'OFFLINE' ? `The plan service could not be reached, so ${what}. Try again when you are online.` : error.message;
}
