/**
 * Shared wizard parts (enroll, add dependent, terminate, demographics, ID cards).
 *
 * A wizard is one react-hook-form validated step by step with zod:
 *
 *   const steps: WizardStep[] = [{ id: 'person', label: 'Personal details', fields: ['subscriber.firstName', …],
 *     schema: z.object({ subscriber: z.object({ firstName: filled(personName, 'Enter the first name') }) }) }, …, { id: 'review', label: 'Review', fields: [] }];
 *   const wizard = useWizardForm<Values>({ steps, defaultValues });     // resolver = current step's schema
 *   const draft = useWizardDraft({ wizard: 'enroll', groupNumber, draftId, form: wizard.form, stepId: wizard.step.id,
 *     defaultValues, secretPaths: (v) => ['subscriber.ssn'], onRestore: wizard.goTo });
 *   const sender = useWizardSubmit({ wizard, draft, groupNumber, replaces, aliases });   // stops the draft once queued
 *
 *   <FormProvider {...wizard.form}>
 *     <WizardShell title steps index={wizard.index} onBack={wizard.back} onNext={isLast ? send : wizard.next}
 *       submitLabel onSaveAndClose onDiscard saveStatus={<DraftStatus save={draft.save} />}
 *       summary={<ErrorSummary control={wizard.form.control} step={wizard.step} attempt={wizard.attempt} visible={wizard.summaryVisible} />}>
 *       <TextField name="subscriber.firstName" label="First name" /> …
 *     </WizardShell>
 *   </FormProvider>
 *   sender.result ? <WizardDone groupNumber result={sender.result} title … /> : …
 *
 * - Fields are checked when the user leaves them (onTouched), and on every change once Next has failed.
 * - Step schemas check the form's strings with the service's field schemas (`filled`, `blankOr`), so
 *   messages match the plan's. `WizardStep.fields` (paths or prefixes) route a refused submission's
 *   `fields` back to their step and feed the error summary.
 * - Fields come from the form kit (components/form: `TextField`, `DateField`, `SelectField`,
 *   `RadioGroupField`, `CheckboxField`, `SsnField`): they use `useFormContext`, and ids come from
 *   `fieldId(name)`, so summary links focus the field. `PersonFields` and
 *   `AddressFields` (with `personFormSchema`, `addressFormSchema`, `personRequest`, `addressRequest`) cover
 *   a person and a mailing address.
 * - Drafts: values autosave (debounced) with `drafts.save`; full SSNs go in `secrets` (by `secretPaths`),
 *   never in `data`. `?draft=` restores values and step. `flush()` before leaving, `discard()` to drop it.
 * - `useWizardSubmit().submit(transaction)` flushes the draft, calls `transactions.submit` with `draftId`
 *   and `replaces`, and on refusal puts each field message on its field (`aliases` renames paths).
 * - `todayIso()` is the plan's day (UTC), the day its windows and retro limits count from.
 */
export { WizardShell, type WizardShellProps } from './WizardShell';
export { ErrorSummary, focusField } from './ErrorSummary';
export { FormErrorSummary } from './FormErrorSummary';
export { DraftStatus } from './DraftStatus';
export { draftOpening } from './draft-opening';
export { shellControls } from './shell-controls';
export { WizardDone } from './WizardDone';
export { ReviewSection, ReviewItem } from './ReviewSection';
export { useWizardForm, type WizardForm } from './use-wizard-form';
export { useWizardDraft, draftSaveDelayMs, type WizardDraft, type DraftSaveState, type WizardDraftOptions } from './use-wizard-draft';
export { useWizardSubmit, type WizardSubmit } from './use-wizard-submit';
export { stepOwns, type WizardStep } from './steps';
export { routeServerError } from './server-errors';
export { filled, blankOr, orNull, todayIso } from './form-rules';
export { splitSecrets, joinSecrets } from './draft-values';
export { flattenErrors, type FlatError } from './flatten-errors';
export { PersonFields } from './PersonFields';
export { personFormSchema, personRequest, dateOfBirthField, ssnDigits, emptyPerson, genderOptions, type PersonValues } from './person-form';
export { AddressFields } from './AddressFields';
export { addressFormSchema, addressRequest, emptyAddress, type AddressValues } from './address-form';
export { usStates } from '@shared/domain/us-states';
export { useEmployeeAgeWarning } from './use-employee-age-warning';
