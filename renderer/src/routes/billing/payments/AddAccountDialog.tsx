import { useEffect, useRef, useState } from 'react';
import { Dialog } from 'radix-ui';
import { FormProvider, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { BankAccount } from '@shared/plan-api/payments';
import { useApi } from '../../../api/ApiProvider';
import { RadioGroupField, TextField } from '../../../components/form';
import { placeServerError } from '../../../components/form-errors';
import { accountTypeOptions, addAccountFields, addAccountForm, emptyAccount, verificationOptions, type AddAccountParsed, type AddAccountValues } from './add-account-form';
import { SecretNumberField } from './SecretNumberField';
import { refusalWords } from './payment-words';
import { DialogFormFooter } from '../../../components/DialogFormFooter';

interface Props {
  groupNumber: string;
  onAdded: (account: BankAccount) => void;
}

/**
 * Add a bank account to pay from. The full account number goes to the plan once and is never shown
 * again: the form is emptied as soon as the plan answers, and every screen after shows the last four
 * digits only. The password is asked again because an account can move money.
 */
export function AddAccountDialog({ groupNumber, onAdded }: Props) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<AddAccountValues, unknown, AddAccountParsed>({ resolver: zodResolver(addAccountForm), defaultValues: emptyAccount, mode: 'onTouched' });

  // A routing number is checked the moment its ninth digit is typed, not only when the field is left.
  const routing = useWatch({ control: form.control, name: 'routingNumber' });
  const { trigger } = form;
  useEffect(() => {
    if (routing.replace(/\s/g, '').length >= 9) void trigger('routingNumber');
  }, [routing, trigger]);

  // One key per account as typed: Add pressed again after an answer that never came back (a
  // timeout, a dropped connection) is answered by the plan with the account it already added, not a
  // second one. Changing any field but the password makes it another request, with a new key.
  const requestKey = useRef(crypto.randomUUID());
  const { subscribe } = form;
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ name }) => {
          if (name !== 'password') requestKey.current = crypto.randomUUID();
        },
      }),
    [subscribe],
  );

  const close = () => {
    form.reset(emptyAccount);
    requestKey.current = crypto.randomUUID();
    setProblem(null);
    setOpen(false);
  };

  const add = async (values: AddAccountParsed) => {
    const result = await api.call('payments.addBankAccount', { groupNumber, ...values, requestKey: requestKey.current });
    if (!result.ok) {
      // A wrong password is a refusal of the password, whatever else the form holds.
      if (result.error.code === 'AUTH' && !result.error.fields) {
        form.setError('password', { message: result.error.message });
        form.setFocus('password');
        setProblem(null);
        return;
      }
      setProblem(result.error.code === 'OFFLINE' ? refusalWords(result.error, 'the account was not added') : placeServerError(form, result.error, addAccountFields));
      return;
    }
    close();
    onAdded(result.value);
  };

  const busy = form.formState.isSubmitting;
  return (
    <Dialog.Root open={open} onOpenChange={(next) => (next ? setOpen(true) : !busy && close())}>
      <Dialog.Trigger asChild>
        <button type="button" className="button button-primary">
          Add a bank account
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog dialog-form pay-dialog">
          <Dialog.Title className="dialog-title">Add a bank account</Dialog.Title>
          <Dialog.Description className="muted">Use the numbers at the bottom of one of the group’s checks. After it is verified, invoices can be paid from it.</Dialog.Description>
          <FormProvider {...form}>
            <form className="pay-dialog-form" noValidate autoComplete="off" onSubmit={(e) => void form.handleSubmit(add)(e)}>
              <TextField name="nickname" label="Nickname" hint="How the account is named on every screen, e.g. Operating account." autoComplete="off" />
              <TextField name="holderName" label="Account holder" hint="The name on the account, as the bank has it." autoComplete="off" />
              <TextField name="routingNumber" label="Routing number" hint="9 digits, at the bottom left of a check." size="medium" inputMode="numeric" autoComplete="off" />
              <SecretNumberField name="accountNumber" label="Account number" hint="4 to 17 digits, after the routing number on a check." />
              <SecretNumberField name="accountNumberAgain" label="Account number again" hint="Typed a second time, so a slipped digit is caught before the bank refuses it." />
              <RadioGroupField name="accountType" label="Account type" options={accountTypeOptions} inline />
              <RadioGroupField name="verification" label="How to verify it" hint="The plan proves the account is the group’s before it debits it." options={verificationOptions} />
              <TextField name="password" label="Your password" type="password" hint="Asked again: a bank account can move money." autoComplete="current-password" size="medium" />
              <DialogFormFooter problem={problem} busy={busy} submitLabel="Add account" busyLabel="Adding…" />
            </form>
          </FormProvider>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
