import { useEffect, useRef } from 'react';
import { Link } from '@tanstack/react-router';
import type { PaymentItem } from '@shared/contract/methods/payments';
import { amountInWords } from '@shared/util/amount-words';
import { formatUsd } from '@shared/util/money';
import { formatDate } from '../../../components/format';
import { useBillingQuery } from '../use-billing-query';
import { ReceiptButton } from './ReceiptButton';
import { PaymentStateBadge } from './PaymentStateBadge';

/** The confirmation: the plan's number once it accepted the payment, or that it waits in the outbox; updated live. */
export function PayDone({ groupNumber, submitted }: { groupNumber: string; submitted: PaymentItem }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const list = useBillingQuery('payments.list', { groupNumber });
  useEffect(() => headingRef.current?.focus(), []);
  // A queued payment is answered later: follow it by its outbox row, or by its confirmation number.
  const item =
    list.data?.find((p) => (submitted.outboxId !== null && p.outboxId === submitted.outboxId) || (submitted.payment !== null && p.payment?.confirmationNumber === submitted.payment.confirmationNumber)) ??
    submitted;
  const payment = item.payment;
  const amount = payment?.amountCents ?? item.request?.amountCents ?? 0;
  const date = payment?.paymentDate ?? item.request?.paymentDate ?? null;
  return (
    <div className="page wz">
      <div className="card wz-done">
        <h1 className="page-title" tabIndex={-1} ref={headingRef}>
          {payment ? 'Payment scheduled' : 'Payment waiting to send'}
        </h1>
        <p>
          {formatUsd(amount)} ({amountInWords(amount)}) dated {formatDate(date)}
          {payment && <>, settling {formatDate(payment.settlementDate)}</>}.
        </p>
        <p className="wz-done-status" role="status" data-tour="pay-done">
          <PaymentStateBadge state={item.state} />{' '}
          {payment ? (
            <>
              Confirmation number <span className="mono">{payment.confirmationNumber}</span>. A confirmation is e-mailed to you.
            </>
          ) : item.state === 'needs_new_date' || item.state === 'rejected' ? (
            item.problem
          ) : (
            'Waiting to send: it goes to the plan when you are online.'
          )}
        </p>
        <div className="wz-actions-main">
          {payment && <ReceiptButton groupNumber={groupNumber} confirmationNumber={payment.confirmationNumber} />}
          <Link to="/billing/payments" className="button">
            See payment history
          </Link>
          <Link to="/billing" className="button button-ghost">
            Back to Billing
          </Link>
        </div>
      </div>
    </div>
  );
}
