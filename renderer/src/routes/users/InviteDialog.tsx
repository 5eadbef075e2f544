import { useState } from 'react';
import { Dialog } from 'radix-ui';
import { z } from 'zod';
import { FormProvider, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { email, personName } from '@shared/contract/schemas/primitives';
import { invitableRoles, type Invitation } from '@shared/plan-api/invitations';
import { roleLabels } from '@shared/contract/roles';
import { useApi } from '../../api/ApiProvider';
import { FormErrorSummary, filled } from '../../wizards/common';
import { SelectField, TextField } from '../../components/form';
import { placeServerError } from '../../components/form-errors';
import { DialogFormFooter } from '../../components/DialogFormFooter';
import { useTourDialog } from '../../help/tour/use-tour-dialog';

// The plan's own field rules, with messages that say what is missing when a field is left blank.
const schema = z.object({
  name: filled(personName, 'Enter the name of the person to invite'),
  email: filled(email.max(254), 'Enter their e-mail address: the access code is sent there'),
  role: z.string().pipe(z.enum(invitableRoles, { error: 'Choose the role they will have' })),
});
type Values = z.input<typeof schema>;
type Parsed = z.output<typeof schema>;
const fieldNames = ['name', 'email', 'role'] as const;
const roleOptions = invitableRoles.map((r) => ({ value: r, label: roleLabels[r] }));

interface Props {
  groupNumber: string;
  onInvited: (invitation: Invitation) => void;
}

/**
 * Invite someone to the group: the plan e-mails them a single-use access code valid for 7 days,
 * which they enter under Access after signing in with their own user ID.
 */
export function InviteDialog({ groupNumber, onInvited }: Props) {
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const form = useForm<Values, unknown, Parsed>({ resolver: zodResolver(schema), defaultValues: { name: '', email: '', role: '' }, mode: 'onTouched', shouldFocusError: false });

  const tour = useTourDialog();
  const invite = async (values: Parsed) => {
    const result = await api.call('users.invite', { groupNumber, ...values });
    if (!result.ok) {
      setProblem(placeServerError(form, result.error, fieldNames));
      return;
    }
    setOpen(false);
    form.reset();
    setProblem(null);
    onInvited(result.value);
  };

  return (
    <Dialog.Root
      modal={tour.modal}
      open={open}
      onOpenChange={(next) => {
        if (form.formState.isSubmitting) return;
        setOpen(next);
        if (!next) setProblem(null);
      }}
    >
      <Dialog.Trigger asChild>
        <button type="button" className="button button-primary" data-tour="users-invite">
          Invite a user
        </button>
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog users-invite" onInteractOutside={tour.onInteractOutside}>
          <div className="users-invite-head">
            <Dialog.Title className="dialog-title">Invite a user</Dialog.Title>
            <Dialog.Description className="muted">They get an e-mail with an access code that works once, for 7 days.</Dialog.Description>
          </div>
          <FormProvider {...form}>
            <form className="users-invite-body" data-tour="users-invite-form" noValidate onSubmit={(e) => void form.handleSubmit(invite)(e)}>
              <FormErrorSummary />
              <TextField name="name" label="Name" autoComplete="off" />
              <TextField name="email" label="E-mail address" type="email" autoComplete="off" spellCheck={false} />
              <SelectField name="role" label="Role" options={roleOptions} placeholder="Choose a role…" hint="Administrators change members; Billing pays invoices; Read-only sees both and changes nothing." />
              <DialogFormFooter problem={problem} busy={form.formState.isSubmitting} submitLabel="Send invitation" busyLabel="Sending…" />
            </form>
          </FormProvider>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
