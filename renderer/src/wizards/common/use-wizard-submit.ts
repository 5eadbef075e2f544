import { useCallback, useState } from 'react';
import type { FieldValues } from 'react-hook-form';
import type { TransactionInput } from '@shared/contract/schemas/transaction';
import type { SubmitResult } from '@shared/contract/methods/transactions';
import { useApi } from '../../api/ApiProvider';
import type { WizardDraft } from './use-wizard-draft';
import type { WizardForm } from './use-wizard-form';

export interface WizardSubmit {
  /** Saves the draft (so a rejection keeps the input), then queues the transaction. */
  submit: (transaction: TransactionInput) => Promise<void>;
  busy: boolean;
  /** Set once the transaction is queued: show the done screen. */
  result: SubmitResult | null;
  reset: () => void;
}

/**
 * `transactions.submit` with the wizard's draft and `?replaces=`. A refusal (RULE, VALIDATION,
 * CONFLICT, …) goes on the form: each of its `fields` onto the field it names (`aliases` for the few
 * the service names differently), and its message in the error summary.
 */
export function useWizardSubmit<T extends FieldValues>({
  wizard,
  draft,
  groupNumber,
  replaces,
  aliases,
}: {
  wizard: WizardForm<T>;
  draft: WizardDraft;
  groupNumber: string;
  replaces?: number | undefined;
  aliases?: Readonly<Record<string, string>>;
}): WizardSubmit {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<SubmitResult | null>(null);
  const { showServerError } = wizard;
  const { flush, stop } = draft;

  const submit = useCallback(
    async (transaction: TransactionInput) => {
      setBusy(true);
      try {
        const draftId = await flush();
        const answer = await api.call('transactions.submit', {
          groupNumber,
          transaction,
          ...(draftId === undefined ? {} : { draftId }),
          ...(replaces === undefined ? {} : { replaces }),
        });
        if (answer.ok) {
          stop();
          setResult(answer.value);
        }
        else showServerError(answer.error, aliases);
      } finally {
        setBusy(false);
      }
    },
    [api, flush, stop, groupNumber, replaces, aliases, showServerError],
  );

  const reset = useCallback(() => setResult(null), []);
  return { submit, busy, result, reset };
}
