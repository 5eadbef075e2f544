import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { formatCount } from '../../../components/format';
import { RadioGroupField, SelectField } from '../../../components/form';
import { FormErrorSummary } from '../../../wizards/common';
import { idCardChoicesSchema, idCardReasonOptions, maxIdCardMembers, shipToOptions, type IdCardChoices } from '../../../wizards/id-cards/id-card-choices';

interface Props {
  count: number;
  initial: IdCardChoices | null;
  busy: boolean;
  onCancel: () => void;
  onCheck: (choices: IdCardChoices) => void;
}

/** One reason and one address for a single ID-card request covering every selected member. */
export function BulkIdCardChoices({ count, initial, busy, onCancel, onCheck }: Props) {
  const form = useForm<z.input<typeof idCardChoicesSchema>, unknown, IdCardChoices>({
    mode: 'onTouched',
    shouldFocusError: false,
    defaultValues: initial ?? { reason: '', shipTo: '' },
    resolver: zodResolver(idCardChoicesSchema),
  });
  const tooMany = count > maxIdCardMembers;
  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={form.handleSubmit((values) => onCheck(values))} className="bulk-step" aria-label="ID-card request">
        {tooMany && (
          <p className="form-error" role="alert">
            One ID-card request takes at most {formatCount(maxIdCardMembers)} members and {formatCount(count)} are selected. Clear some and try again.
          </p>
        )}
        <FormErrorSummary />
        <SelectField name="reason" label="Reason" options={idCardReasonOptions} placeholder="Choose a reason…" />
        <RadioGroupField name="shipTo" label="Ship the cards" options={shipToOptions} />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy || tooMany} aria-busy={busy || undefined}>
            {busy ? 'Checking…' : 'Check what will happen'}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
