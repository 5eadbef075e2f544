import { useState } from 'react';
import { Dialog } from 'radix-ui';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { BankAccount } from '@shared/plan-api/payments';
import { useApi } from '../../../api/ApiProvider';
import { TextField } from '../../../components/form';
import { placeServerError } from '../../../components/form-errors';
import { accountName, refusalWords } from './payment-words';
import { DialogFormFooter } from '../../../components/DialogFormFooter';

/** `0.32`, `$0.32`, `.32` or `32` (cents): a deposit as a statement prints it or as the user says it. */
export function depositCents(typed: string): number | null {
  const s = typed.trim().replace(/^\$/, '');
  if (/^\d{1,2}$/.test(s)) return Number(s);
  const dollars = /^0?\.(\d{2})$/.exec(s);
  return dollars ? Number(dollars[1]) : null;
}

const deposit = z.string().superRefine((value, ctx) => {
  if (value.trim() === '') ctx.addIssue({ code: 'custom', message: 'Enter the amount as on the statement, e.g. 0.32' });
  else {
    const cents = depositCents(value);
    if (cents === null || cents < 1) ctx.addIssue({ code: 'custom', message: 'Each deposit is under $1.00: enter it as 0.32' });
  }
});
const schema = z.object({ first: deposit, second: deposit });
type Values = z.infer<typeof schema>;

const triesWords = (n: number) => `${n} ${n === 1 ? 'try' : 'tries'} left`;

/** Enter the two micro-deposits: a match verifies the account at once; three misses fail it. */
export function VerifyDialog({ groupNumber, account, onClose, onVerified }: { groupNumber: string; account: BankAccount; onClose: () => void; onVerified: (account: BankAccount) => void }) {
  const api = useApi();
  const [problem, setProblem] = useState<string | null>(null);
  const [triesLeft, setTriesLeft] = useState(account.verification.triesLeft ?? 0);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { first: '', second: '' }, mode: 'onTouched' });

  const verify = async (values: Values) => {
    const amountsCents: [number, number] = [depositCents(values.first) ?? 0, depositCents(values.second) ?? 0];
    const result = await api.call('payments.verifyBankAccount', { groupNumber, bankAccountId: account.id, amountsCents });
    if (!result.ok) {
      setProblem(result.error.code === 'OFFLINE' ? refusalWords(result.error, 'the amounts were not checked') : placeServerError(form, result.error, ['first', 'second'], { amountsCents: 'first' }));
      return;
    }
    const after = result.value;
    if (after.status === 'verified') {
      onVerified(after);
      return;
    }
    setTriesLeft(after.verification.triesLeft ?? 0);
    setProblem(after.status === 'failed' ? (after.problem ?? 'The amounts did not match three times: the account cannot be used.') : `Those amounts do not match the deposits. ${triesWords(after.verification.triesLeft ?? 0)}.`);
    if (after.status === 'failed') onVerified(after);
  };

  const busy = form.formState.isSubmitting;
  return (
    <Dialog.Root open onOpenChange={(open) => !open && !busy && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog-form pay-dialog">
          <Dialog.Title className="dialog-title">Verify {account.nickname}</Dialog.Title>
          <Dialog.Description className="muted">
            Two deposits under $1.00 were sent to {accountName(account)}. Find them on the account’s statement or online banking and enter both, in any order.
          </Dialog.Description>
          <p className="pay-tries" aria-live="polite">
            {triesWords(triesLeft)}
          </p>
          <FormProvider {...form}>
            <form className="pay-dialog-form" noValidate onSubmit={(e) => void form.handleSubmit(verify)(e)}>
              <div className="pay-deposits">
                <TextField name="first" label="First deposit ($)" size="short" inputMode="decimal" autoComplete="off" placeholder="0.00" />
                <TextField name="second" label="Second deposit ($)" size="short" inputMode="decimal" autoComplete="off" placeholder="0.00" />
              </div>
              <DialogFormFooter problem={problem} busy={busy} closeLabel="Close" submitLabel="Verify" busyLabel="Checking…" submitDisabled={triesLeft === 0} />
            </form>
          </FormProvider>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
