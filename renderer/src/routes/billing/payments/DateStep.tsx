import { useFormContext, useWatch } from 'react-hook-form';
import { earliestPaymentDate, latestPaymentDate, PAYMENT_CUTOFF, paymentDateProblem, settlementDate } from '@shared/domain/payment-dates';
import { DateField } from '../../../components/form';
import { formatDate } from '../../../components/format';
import type { PayableInvoice } from './open-invoices';
import { chosenInvoices, dueDateOf, type PayValues } from './pay-form';
import { useNow } from './use-now';

const easternClock = new Intl.DateTimeFormat('en-US', { timeZone: PAYMENT_CUTOFF.timeZone, weekday: 'long', month: 'long', day: 'numeric', hour: 'numeric', minute: '2-digit' });

/** The payment's date: the earliest the cut-off allows, any business day up to the due date, and when it settles. */
export function DateStep({ open }: { open: readonly PayableInvoice[] }) {
  const { control, setValue } = useFormContext<PayValues>();
  const [invoiceNumbers, paymentDate] = useWatch({ control, name: ['invoiceNumbers', 'paymentDate'] });
  const now = useNow();
  const dueDate = dueDateOf(chosenInvoices(open, invoiceNumbers));
  const earliest = earliestPaymentDate(now);
  const latest = latestPaymentDate(now, dueDate);
  const fine = /^\d{4}-\d{2}-\d{2}$/.test(paymentDate) && paymentDateProblem(paymentDate, now, dueDate) === null;
  return (
    <>
      <p className="pay-clock">
        It is {easternClock.format(now)} Eastern. Payments are sent to the bank once each business day, at {PAYMENT_CUTOFF.words}: the earliest date now is{' '}
        <strong>{formatDate(earliest)}</strong>.
      </p>
      <DateField
        name="paymentDate"
        label="Payment date"
        min={earliest}
        max={latest}
        hint={
          latest === earliest
            ? `Only ${formatDate(earliest)}: ${dueDate !== null && dueDate < earliest ? `the due date, ${formatDate(dueDate)}, has passed` : 'it is the due date'}.`
            : `Any business day from ${formatDate(earliest)} to ${formatDate(latest)}, the due date. Not weekends or federal holidays.`
        }
      />
      {paymentDate !== earliest && (
        <button type="button" className="link-button" onClick={() => setValue('paymentDate', earliest, { shouldValidate: true })}>
          Use the earliest date, {formatDate(earliest)}
        </button>
      )}
      <p className="pay-note" aria-live="polite">
        {fine
          ? `Sent to the bank on ${formatDate(paymentDate)}; the money leaves the account on ${formatDate(settlementDate(paymentDate))}, when the payment settles. It can be cancelled until ${PAYMENT_CUTOFF.words} on ${formatDate(paymentDate)}.`
          : 'The debit settles the banking day after its date.'}
      </p>
    </>
  );
}
