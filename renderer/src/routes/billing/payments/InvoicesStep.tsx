import { useFormContext } from 'react-hook-form';
import { formatUsd } from '@shared/util/money';
import { fieldDescription, fieldId, useFieldError } from '../../../components/form';
import { formatDate } from '../../../components/format';
import { formatMonth } from '../billing-words';
import { InvoiceStatusBadge } from '../InvoiceStatusBadge';
import type { PayableInvoice } from './open-invoices';
import type { PayValues } from './pay-form';

/** The invoices with something still open, oldest first, each with what is left to pay on it. */
export function InvoicesStep({ open }: { open: readonly PayableInvoice[] }) {
  const { register } = useFormContext<PayValues>();
  const error = useFieldError('invoiceNumbers');
  const id = fieldId('invoiceNumbers');
  const hint = 'What is left to pay on each, after payments already made or scheduled. A payment is applied to the oldest first.';
  return (
    <fieldset id={id} className={`wz-field wz-fieldset${error ? ' has-error' : ''}`} aria-describedby={fieldDescription('invoiceNumbers', hint, error)}>
      <legend className="wz-label">Invoices to pay</legend>
      <p id={`${id}-hint`} className="wz-hint">
        {hint}
      </p>
      <div className="wz-radios">
        {open.map((i) => (
          <label key={i.invoiceNumber} className="wz-radio pay-invoice-choice">
            <input {...register('invoiceNumbers')} type="checkbox" value={i.invoiceNumber} />
            <span>
              {formatMonth(i.periodStart)} <span className="mono">{i.invoiceNumber}</span> <InvoiceStatusBadge status={i.paymentStatus} />
              <span className="wz-radio-detail">
                {formatUsd(i.openCents)} open{i.openCents !== i.amountCents && ` of ${formatUsd(i.amountCents)}`}, due {formatDate(i.dueDate)}
              </span>
            </span>
          </label>
        ))}
      </div>
      {error && (
        <p id={`${id}-error`} className="wz-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}
