import { useFormContext, useWatch } from 'react-hook-form';
import { formatUsd } from '@shared/util/money';
import { RadioGroupField, TextField } from '../../../components/form';
import { AllocationTable } from './AllocationTable';
import type { PayableInvoice } from './open-invoices';
import { amountOf, chosenInvoices, openTotal, type PayValues } from './pay-form';

/** The whole balance of the chosen invoices, or another amount, with how it is applied shown as it is typed. */
export function AmountStep({ open }: { open: readonly PayableInvoice[] }) {
  const { control } = useFormContext<PayValues>();
  const [invoiceNumbers, amountChoice, otherAmount] = useWatch({ control, name: ['invoiceNumbers', 'amountChoice', 'otherAmount'] });
  const chosen = chosenInvoices(open, invoiceNumbers);
  const balance = openTotal(chosen);
  const amount = amountOf({ invoiceNumbers, amountChoice, otherAmount }, open);
  return (
    <>
      <RadioGroupField
        name="amountChoice"
        label="Amount"
        options={[
          { value: 'balance', label: `The whole balance: ${formatUsd(balance)}`, detail: 'Pays every chosen invoice in full.' },
          { value: 'other', label: 'Another amount', detail: 'Applied to the oldest invoice first; what is left stays open.' },
        ]}
      />
      {amountChoice === 'other' && <TextField name="otherAmount" label="Amount to pay ($)" size="medium" inputMode="decimal" autoComplete="off" hint={`Up to ${formatUsd(balance)}.`} />}
      <div aria-live="polite">{amount !== null && <AllocationTable amountCents={amount} invoices={chosen} />}</div>
    </>
  );
}
