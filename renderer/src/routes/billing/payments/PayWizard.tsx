import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { BillingInvoice } from '@shared/contract/methods/billing';
import { FormProvider, useWatch } from 'react-hook-form';
import { useNavigate } from '@tanstack/react-router';
import type { PaymentItem } from '@shared/contract/methods/payments';
import type { BankAccount, PaymentAuthorization } from '@shared/plan-api/payments';
import { formatUsd } from '@shared/util/money';
import { useApi } from '../../../api/ApiProvider';
import { useQuery } from '../../../api/use-query';
import { useGroupStore } from '../../../state/group-store';
import { useOnGroupSwitch } from '../../../state/group-switch';
import { EmptyState, ErrorState } from '../../../components/ErrorState';
import { SkeletonBlock } from '../../../components/Skeleton';
import { ErrorSummary, useWizardForm, WizardShell } from '../../../wizards/common';
import { useBillingQuery } from '../use-billing-query';
import { AccountStep } from './AccountStep';
import { AmountStep } from './AmountStep';
import { DateStep } from './DateStep';
import { InvoicesStep } from './InvoicesStep';
import { PayDone } from './PayDone';
import { PayReview } from './PayReview';
import { payableInvoices, type PayableInvoice } from './open-invoices';
import { amountOf, chosenInvoices, openTotal, payAliases, paySteps, type PayValues } from './pay-form';
import '../billing.css';
import './payments.css';

interface Props {
  /** `?invoice=`: pay this one invoice (the others can still be ticked). */
  invoiceNumber?: string | undefined;
  /** `?replaces=`: the outbox row of a payment whose date passed offline; it opens at the date step. */
  replaces?: number | undefined;
}

/**
 * `/billing/pay`: pay open invoices by ACH debit. Invoices → amount → account → date → review, then
 * `payments.submit`, which queues the payment with one idempotency key: it is sent now when the plan
 * is reachable, later otherwise, and never twice.
 */
export function PayWizard({ invoiceNumber, replaces }: Props) {
  const groupNumber = useGroupStore((s) => s.groupNumber) ?? '';
  const invoices = useBillingQuery('billing.invoices', { groupNumber });
  const payments = useBillingQuery('payments.list', { groupNumber });
  const accounts = useBillingQuery('payments.bankAccounts', { groupNumber });
  const authorization = useQuery('payments.authorization', { kind: 'payment' });
  const [submitted, setSubmitted] = useState<PaymentItem | null>(null);

  if (submitted) return <PayDone groupNumber={groupNumber} submitted={submitted} />;
  const failed = [invoices, payments, accounts, authorization].find((q) => q.status === 'error' && !q.data);
  if (failed?.status === 'error') return <ErrorState title="The payment could not be prepared" error={failed.error} onRetry={failed.reload} />;
  if (!invoices.data || !payments.data || !accounts.data || !authorization.data) return <SkeletonBlock label="Loading the open invoices…" lines={6} />;
  if (payableInvoices(invoices.data, payments.data).length === 0) {
    return (
      <div className="page">
        <EmptyState title="Nothing to pay">
          <p>Every invoice is paid, or covered by a payment already scheduled or waiting to be sent.</p>
        </EmptyState>
      </div>
    );
  }
  return (
    <PayForm
      key={groupNumber}
      groupNumber={groupNumber}
      invoices={invoices.data}
      payments={payments.data}
      replaces={replaces}
      invoiceNumber={invoiceNumber}
      accounts={accounts.data}
      authorization={authorization.data}
      onSubmitted={setSubmitted}
    />
  );
}

interface FormProps {
  groupNumber: string;
  invoices: BillingInvoice[];
  payments: PaymentItem[];
  replaces: number | undefined;
  invoiceNumber: string | undefined;
  accounts: BankAccount[];
  authorization: PaymentAuthorization;
  onSubmitted: (item: PaymentItem) => void;
}

function startingValues(open: readonly PayableInvoice[], replaced: PaymentItem | null, invoiceNumber: string | undefined, accounts: readonly BankAccount[]): PayValues {
  const verified = accounts.filter((a) => a.status === 'verified');
  const only = verified.length === 1 ? (verified[0]?.id ?? '') : '';
  const request = replaced?.request;
  if (request) {
    const invoiceNumbers = open.filter((i) => request.invoiceNumbers.includes(i.invoiceNumber)).map((i) => i.invoiceNumber);
    const balance = openTotal(open.filter((i) => invoiceNumbers.includes(i.invoiceNumber)));
    const whole = request.amountCents >= balance;
    return {
      invoiceNumbers,
      amountChoice: whole ? 'balance' : 'other',
      otherAmount: whole ? '' : formatUsd(request.amountCents).replace('$', ''),
      bankAccountId: verified.some((a) => a.id === request.bankAccountId) ? request.bankAccountId : only,
      paymentDate: '',
      accept: false,
    };
  }
  const named = open.some((i) => i.invoiceNumber === invoiceNumber);
  return {
    invoiceNumbers: named && invoiceNumber ? [invoiceNumber] : open.map((i) => i.invoiceNumber),
    amountChoice: 'balance',
    otherAmount: '',
    bankAccountId: only,
    paymentDate: '',
    accept: false,
  };
}

function PayForm({ groupNumber, invoices, payments, replaces, invoiceNumber, accounts, authorization, onSubmitted }: FormProps) {
  const api = useApi();
  const navigate = useNavigate();
  // The form keeps what was open when it opened: a sync meanwhile does not move the user's choices (the plan checks again).
  const [{ open, replaced }] = useState(() => ({ open: payableInvoices(invoices, payments), replaced: payments.find((p) => p.outboxId === replaces && p.state === 'needs_new_date') ?? null }));
  const [defaults] = useState(() => startingValues(open, replaced, invoiceNumber, accounts));
  const steps = useMemo(() => paySteps({ open, verifiedIds: accounts.filter((a) => a.status === 'verified').map((a) => a.id), now: () => new Date() }), [open, accounts]);
  const wizard = useWizardForm<PayValues>({ steps, defaultValues: defaults });
  const [busy, setBusy] = useState(false);
  // A second click lands before React re-renders the disabled button: the ref refuses it at once.
  const sending = useRef(false);
  const { goTo, showServerError, form } = wizard;
  // A payment keeps no draft: switching groups drops it, and says so. One on its way is not dropped.
  useOnGroupSwitch(() => (sending.current ? null : { kind: 'payment_not_sent' }));

  // A payment whose date passed offline has everything but a date: start there.
  useEffect(() => {
    if (replaced) goTo('date');
  }, [replaced, goTo]);

  const invoiceCount = useWatch({ control: form.control, name: 'invoiceNumbers' }).length;

  const send = useCallback(async () => {
    // Taken before anything is awaited, so a second click in the same moment finds it taken.
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    try {
      const values = form.getValues();
      const amountCents = amountOf(values, open);
      if (!(await form.trigger()) || amountCents === null) {
        void wizard.next();
        return;
      }
      const answer = await api.call('payments.submit', {
        groupNumber,
        // Oldest first, the order the plan applies the amount in.
        invoiceNumbers: chosenInvoices(open, values.invoiceNumbers).map((i) => i.invoiceNumber),
        amountCents,
        bankAccountId: values.bankAccountId,
        paymentDate: values.paymentDate,
        authorizationVersion: authorization.version,
        acceptAuthorization: true,
        ...(replaced?.outboxId ? { replaces: replaced.outboxId } : {}),
      });
      if (answer.ok) onSubmitted(answer.value);
      else showServerError(answer.error, payAliases);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }, [api, form, wizard, open, groupNumber, authorization.version, replaced, onSubmitted, showServerError]);

  const id = wizard.step.id;
  return (
    <FormProvider {...form}>
      <WizardShell
        title={replaced ? 'Choose a new date' : 'Pay invoices'}
        subtitle={replaced ? 'The payment’s date passed while this computer was offline, so it was not sent.' : `${invoiceCount} ${invoiceCount === 1 ? 'invoice' : 'invoices'} chosen`}
        steps={wizard.steps}
        index={wizard.index}
        onBack={wizard.back}
        onNext={wizard.isLast ? () => void send() : () => void wizard.next()}
        busy={busy}
        onCancel={() => void navigate({ to: '/billing' })}
        submitLabel={busy ? 'Sending the payment…' : 'Submit payment'}
        summary={<ErrorSummary control={form.control} step={wizard.step} attempt={wizard.attempt} visible={wizard.summaryVisible} />}
      >
        {id === 'invoices' && <InvoicesStep open={open} />}
        {id === 'amount' && <AmountStep open={open} />}
        {id === 'account' && <AccountStep accounts={accounts} />}
        {id === 'date' && <DateStep open={open} />}
        {id === 'review' && <PayReview open={open} accounts={accounts} authorization={authorization} goTo={goTo} />}
      </WizardShell>
    </FormProvider>
  );
}
