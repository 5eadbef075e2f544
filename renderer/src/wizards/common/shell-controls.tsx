import type { FieldValues } from 'react-hook-form';
import { DraftStatus } from './DraftStatus';
import { ErrorSummary } from './ErrorSummary';
import type { WizardDraft } from './use-wizard-draft';
import type { WizardForm } from './use-wizard-form';
import type { WizardSubmit } from './use-wizard-submit';
import type { WizardShellProps } from './WizardShell';

/**
 * The WizardShell props every wizard wires the same way from its form, draft and submitter: step
 * navigation, Submit on the last step, Save and close / Discard (then `leave`), the draft's save
 * status and the error summary. `next` replaces the plain step check where a wizard does more.
 */
export function shellControls<T extends FieldValues>(
  wizard: WizardForm<T>,
  draft: WizardDraft,
  sender: WizardSubmit,
  actions: { send: () => void; leave: () => void; next?: () => void },
): Pick<WizardShellProps, 'steps' | 'index' | 'onBack' | 'onNext' | 'busy' | 'onSaveAndClose' | 'onDiscard' | 'saveStatus' | 'summary'> {
  const next = actions.next ?? (() => void wizard.next());
  return {
    steps: wizard.steps,
    index: wizard.index,
    onBack: wizard.back,
    onNext: wizard.isLast ? actions.send : next,
    busy: sender.busy,
    onSaveAndClose: () => void draft.flush().then(actions.leave),
    onDiscard: () => void draft.discard().then(actions.leave),
    saveStatus: <DraftStatus save={draft.save} />,
    summary: <ErrorSummary control={wizard.form.control} step={wizard.step} attempt={wizard.attempt} visible={wizard.summaryVisible} />,
  };
}
