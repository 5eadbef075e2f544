import type { BankAccountStatus } from '@shared/plan-api/payments';
import { accountStatusLabels, paymentStateLabels, type PaymentState } from './payment-words';

/** Where a payment stands: settled green; waiting amber; returned, rejected and needing a date red; cancelled grey. */
export function PaymentStateBadge({ state }: { state: PaymentState }) {
  return <span className={`badge badge-pay-${state}`}>{paymentStateLabels[state]}</span>;
}

/** Whether an account may be debited, in the same colours. */
export function AccountStatusBadge({ status }: { status: BankAccountStatus }) {
  return <span className={`badge badge-account-${status}`}>{accountStatusLabels[status]}</span>;
}
