import { useFormContext, useWatch } from 'react-hook-form';
import type { BankAccount, PaymentAuthorization } from '@shared/plan-api/payments';
import { settlementDate } from '@shared/domain/payment-dates';
import { amountInWords } from '@shared/util/amount-words';
import { formatUsd } from '@shared/util/money';
import { CheckboxField } from '../../../components/form';
import { formatDate } from '../../../components/format';
import { ReviewItem, ReviewSection } from '../../../wizards/common';
import { formatMonth } from '../billing-words';
import { AllocationTable } from './AllocationTable';
import type { PayableInvoice } from './open-invoices';
import { accountName, fillAuthorization } from './payment-words';
import { amountOf, chosenInvoices, type PayValues } from './pay-form';

interface Props {
  open: readonly PayableInvoice[];
  accounts: readonly BankAccount[];
  authorization: PaymentAuthorization;
  goTo: (step: string) => void;
}

/** Everything the debit will be, the amount in words beside the figure, and the authorization the user accepts. */
export function PayReview({ open, accounts, authorization, goTo }: Props) {
  const { control } = useFormContext<PayValues>();
  const values = useWatch({ control }) as PayValues;
  const chosen = chosenInvoices(open, values.invoiceNumbers);
  const amount = amountOf(values, open) ?? 0;
  const account = accounts.find((a) => a.id === values.bankAccountId);
  const text = fillAuthorization(authorization.text, {
    amount: `${formatUsd(amount)} (${amountInWords(amount)})`,
    account: account ? accountName(account) : '',
    date: formatDate(values.paymentDate),
  });
  return (
    <>
      <ReviewSection title="Invoices" onChange={() => goTo('invoices')}>
        {chosen.map((i) => (
          <ReviewItem key={i.invoiceNumber} label={formatMonth(i.periodStart)}>
            <span className="mono">{i.invoiceNumber}</span>, {formatUsd(i.openCents)} open
          </ReviewItem>
        ))}
      </ReviewSection>
      <ReviewSection title="Amount" onChange={() => goTo('amount')}>
        <ReviewItem label="Amount">
          <strong className="pay-amount">{formatUsd(amount)}</strong>
        </ReviewItem>
        <ReviewItem label="In words">{amountInWords(amount)}</ReviewItem>
      </ReviewSection>
      {amount > 0 && <AllocationTable amountCents={amount} invoices={chosen} />}
      <ReviewSection title="Account" onChange={() => goTo('account')}>
        <ReviewItem label="Pay from">{account ? accountName(account) : null}</ReviewItem>
        <ReviewItem label="Routing">{account ? <span className="mono">{account.routingNumber}</span> : null}</ReviewItem>
      </ReviewSection>
      <ReviewSection title="Date" onChange={() => goTo('date')}>
        <ReviewItem label="Payment date">{formatDate(values.paymentDate)}</ReviewItem>
        <ReviewItem label="Settles">{/^\d{4}-\d{2}-\d{2}$/.test(values.paymentDate) ? formatDate(settlementDate(values.paymentDate)) : null}</ReviewItem>
      </ReviewSection>
      <section className="pay-authorization" aria-labelledby="pay-authorization-title">
        <h3 id="pay-authorization-title">Debit authorization</h3>
        <p className="pay-authorization-text">{text}</p>
        <p className="muted pay-version">Version {authorization.version}</p>
        <CheckboxField name="accept" label="I authorize this debit" hint="Your name, the time and this text are recorded with the payment." />
      </section>
    </>
  );
}
