import { useMemo } from 'react';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import type { Address, GroupPolicy } from '@shared/contract/schemas/group';
import { isoDate } from '@shared/contract/schemas/primitives';
import { earliestRetroDate, retroWindowPhrase, validateRetroDate } from '@shared/domain/retro-window';
import { useQuery } from '../../../api/use-query';
import { SkeletonBlock } from '../../../components/Skeleton';
import { ErrorState } from '../../../components/ErrorState';
import { CheckboxField, DateField } from '../../../components/form';
import { formatDate } from '../../../components/format';
import { AddressFields, addressFormSchema, addressRequest, emptyAddress, filled, FormErrorSummary, type AddressValues } from '../../../wizards/common';
import { todayIso } from '../../../wizards/common/form-rules';

export interface AddressChoices {
  address: Address;
  effectiveDate: string;
  withDependents: boolean;
}

interface FormValues {
  address: AddressValues;
  effectiveDate: string;
  withDependents: boolean;
}

interface Props {
  groupNumber: string;
  employees: number;
  initial: AddressChoices | null;
  busy: boolean;
  onCancel: () => void;
  onCheck: (choices: AddressChoices) => void;
}

const choicesSchema = (policy: Pick<GroupPolicy, 'retroMonths'>, today: string) =>
  z
    .object({ address: addressFormSchema, effectiveDate: filled(isoDate, 'Enter the date the new address applies from'), withDependents: z.boolean() })
    .superRefine((v, ctx) => {
      if (!isoDate.safeParse(v.effectiveDate).success) return;
      const retro = validateRetroDate(v.effectiveDate, policy, today);
      if (!retro.ok) ctx.addIssue({ code: 'custom', path: ['effectiveDate'], message: retro.message });
    });

const toForm = (c: AddressChoices | null, today: string): FormValues =>
  c === null ? { address: emptyAddress, effectiveDate: today, withDependents: true } : { ...c, address: { ...emptyAddress, ...c.address, line2: c.address.line2 ?? '' } };

/** One new mailing address for every selected employee, from a date, with or without the dependents who live with them. */
export function BulkAddressChoices(props: Props) {
  const group = useQuery('groups.get', { groupNumber: props.groupNumber });
  if (group.status === 'error' && !group.data) return <ErrorState title="The group's rules could not be loaded" error={group.error} onRetry={group.reload} />;
  if (!group.data) return <SkeletonBlock label="Loading the group's rules…" lines={3} />;
  return <AddressForm {...props} policy={group.data.policy} />;
}

function AddressForm({ employees, initial, busy, onCancel, onCheck, policy }: Props & { policy: Pick<GroupPolicy, 'retroMonths'> }) {
  const today = useMemo(() => todayIso(), []);
  const schema = useMemo(() => choicesSchema(policy, today), [policy, today]);
  const form = useForm<FormValues>({ mode: 'onTouched', shouldFocusError: false, defaultValues: toForm(initial, today), resolver: zodResolver(schema) });
  const submit = (values: FormValues) => onCheck({ address: addressRequest(values.address), effectiveDate: values.effectiveDate, withDependents: values.withDependents });
  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={form.handleSubmit(submit)} className="bulk-step" aria-label="New address">
        <p className="muted">
          The new address goes to {employees === 1 ? 'the employee' : `each of the ${employees} employees`} selected, as a change of their details. Dependents selected on
          their own keep their address: change it from their page.
        </p>
        <FormErrorSummary />
        <AddressFields prefix="address" />
        <DateField
          name="effectiveDate"
          label="New address applies from"
          hint={`It can be as early as ${formatDate(earliestRetroDate(policy, today))}: ${retroWindowPhrase(policy.retroMonths)}.`}
        />
        <CheckboxField name="withDependents" label="Also move the dependents who live at the employee's current address" hint="A dependent with an address of their own keeps it." />
        <div className="dialog-actions">
          <button type="button" className="button" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy || undefined}>
            {busy ? 'Checking…' : 'Check what will change'}
          </button>
        </div>
      </form>
    </FormProvider>
  );
}
