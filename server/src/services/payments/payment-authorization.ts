import { createHash } from 'node:crypto';
import { ContractFailure } from '@shared/contract/errors';
import type { PaymentAuthorization } from '@shared/plan-api/payments';

/**
 * The debit authorizations a payer accepts, one per kind, by version. The employer is a company, so
 * these are corporate (CCD) authorizations: the company agrees to be bound by the Nacha Operating
 * Rules. A request names the version it showed; one that is not current is refused, so nobody is
 * bound by words they were not shown. A change of words comes with a new version.
 */
export const paymentAuthorizations: Record<PaymentAuthorization['kind'], PaymentAuthorization> = {
  payment: {
    kind: 'payment',
    version: '2026-12',
    text: [
      'On behalf of the company named on the invoice, I authorize the plan to debit {amount} from the {account} account on {date} or the next business day after, by ACH, to pay the invoices shown.',
      'I confirm that I may authorize debits from this account for the company, and the company agrees to be bound by the Nacha Operating Rules for this debit.',
      'This authorization is for this one payment. It can be cancelled in GroupDesk until 5:00 p.m. Eastern on {date}; after that, ask the plan’s billing department, giving them enough time to act on it. A returned debit leaves the invoices unpaid.',
    ].join('\n\n'),
  },
  autopay: {
    kind: 'autopay',
    version: '2026-12',
    text: [
      'On behalf of the company named on the invoices, I authorize the plan to debit the {account} account by ACH for each invoice’s amount due, {rule}, until this authorization is cancelled.',
      'I confirm that I may authorize debits from this account for the company, and the company agrees to be bound by the Nacha Operating Rules for these debits. The plan e-mails the amount and date five business days before each debit.',
      'The company may skip one invoice’s debit or cancel autopay in GroupDesk until 5:00 p.m. Eastern on the debit’s date, or revoke this authorization by telling the plan’s billing department, giving them enough time to act on it. Autopay stops after a debit is returned.',
    ].join('\n\n'),
  },
};

/** The SHA-256 of the words accepted, kept with the acceptance so the exact text can be proved later. */
export const authorizationTextHash = (kind: PaymentAuthorization['kind']): string => createHash('sha256').update(paymentAuthorizations[kind].text, 'utf8').digest('hex');

/** Refuses a request that accepted an authorization other than the current one. */
export function requireCurrentAuthorization(kind: PaymentAuthorization['kind'], version: string): void {
  const current = paymentAuthorizations[kind];
  if (version !== current.version) {
    throw new ContractFailure('CONFLICT', `The ${kind === 'autopay' ? 'autopay' : 'payment'} authorization changed (version ${current.version}): read it again and accept it.`, { authorizationVersion: 'Not current' });
  }
}
