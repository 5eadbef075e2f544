import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { idCardReasons } from '../../../../../shared/plan-api/eligibility';
import { formatCount } from '../../../components/format';
import { RadioGroupField, SelectField } from '../../../wizards/common/fields';
import { idCardReasonLabels, shipToLabels } from '../../../wizards/id-cards/idCardReasonLabels';


/** `idCardRequest` (shared/plan-api) takes at most this many members in one request. */
export const maxIdCardMembers = 500;

export const idCardChoicesSchema = z.object({
  reason: z.string().pipe(z.enum(idCardReasons, { error: 'Choose why new cards are needed' })),
  shipTo: z.string().pipe(z.enum(['member', 'employer'], { error: 'Choose where to send the cards' })),
});

export type IdCardChoices = z.output<typeof idCardChoicesSchema>;

export const idCardReasonOptions = idCardReasons.map((r) => ({ value: r, label: idCardReasonLabels[r] }));
export const shipToOptions = [
  { value: 'member', label: shipToLabels.member, detail: 'Each card goes to the address on file for its subscriber.' },
  { value: 'employer', label: shipToLabels.employer, detail: 'All cards come to you, to hand out.' },
];

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
