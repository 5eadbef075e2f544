import { useEffect, useRef, useState } from 'react';
import { Dialog } from 'radix-ui';
import type { ContractError } from '@shared/contract';
import type { BulkAction, BulkOutcome } from '@shared/contract/schemas/transaction';
import type { RosterRow } from '@shared/contract/schemas/member';
import { useApi } from '../../../api/ApiProvider';
import { useAnnouncer } from '../../../state/announcer';
import { formatCount, fullName, plural } from '../../../components/format';
import { BulkTerminateChoices } from './BulkTerminateChoices';
import type { TerminateChoices } from './BulkTerminateChoices';
import { BulkIdCardChoices } from './BulkIdCardChoices';
import { BulkAddressChoices, type AddressChoices } from './BulkAddressChoices';
import type { IdCardChoices } from '../../../wizards/id-cards/id-card-choices';
import { BulkReview, outcomeCounts } from './BulkReview';
import { BulkResult } from './BulkResult';
import '../../../wizards/common/wizard.css';
import './bulk.css';

export type BulkKind = BulkAction['kind'];

type Step = { step: 'choose' } | { step: 'review'; action: BulkAction; items: BulkOutcome[] } | { step: 'done'; action: BulkAction; items: BulkOutcome[]; queued: number[] };

interface Props {
  kind: BulkKind;
  groupNumber: string;
  members: RosterRow[];
  onClose: () => void;
  /** Called once the action is queued, so the roster can drop its selection. */
  onQueued: () => void;
}

const titles: Record<BulkKind, (members: string) => string> = {
  terminate: (members) => `Terminate ${members}`,
  id_cards: (members) => `Request ID cards for ${members}`,
  address: (members) => `Change the address of ${members}`,
};

function namesLine(members: readonly RosterRow[]): string {
  const shown = members.slice(0, 3).map(fullName).join('; ');
  return members.length > 3 ? `${shown} and ${formatCount(members.length - 3)} more` : shown;
}

/**
 * A bulk action in three steps, nothing queued before the user has seen the dry run: choose (reason
 * and date, reason and where to ship, or the new address), review what the core says would happen to each member,
 * then queue and point to Activity, where each transaction can be followed.
 */
export function BulkActionDialog({ kind, groupNumber, members: selected, onClose, onQueued }: Props) {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  // The selection may be cleared once queued; the dialog keeps the members it was opened with.
  const [members] = useState(selected);
  const [step, setStep] = useState<Step>({ step: 'choose' });
  const [choices, setChoices] = useState<TerminateChoices | IdCardChoices | AddressChoices | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const memberIds = members.map((m) => m.memberId);

  // A new step replaces the dialog's content: move focus to its heading so it is read from the top.
  useEffect(() => {
    if (step.step !== 'choose') headingRef.current?.focus();
  }, [step.step]);

  const run = async (action: BulkAction, dryRun: boolean) => {
    setBusy(true);
    setError(null);
    const result = await api.call('transactions.bulk', { groupNumber, action, dryRun });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      announce(result.error.message);
      return;
    }
    const { items, queued } = result.value;
    const counts = outcomeCounts(items);
    if (dryRun) {
      setStep({ step: 'review', action, items });
      announce(`${formatCount(counts.ok)} to send, ${formatCount(counts.skipped)} skipped, ${plural(counts.problem, 'problem', 'problems')}`);
    } else {
      setStep({ step: 'done', action, items, queued });
      onQueued();
    }
  };

  const title = titles[kind](plural(members.length, 'member', 'members'));
  return (
    <Dialog.Root open onOpenChange={(open) => !open && !busy && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay bulk-overlay" />
        <Dialog.Content
          className="dialog bulk-dialog"
          // The roster puts focus back itself: the button that opened this is gone once the selection is cleared.
          onCloseAutoFocus={(e) => e.preventDefault()}
        >
          <div className="bulk-head">
            <Dialog.Title className="dialog-title">{title}</Dialog.Title>
            <Dialog.Description className="muted bulk-names">{namesLine(members)}</Dialog.Description>
          </div>
          <div className="bulk-body">
            {error && (
              <div className="form-error" role="alert">
                {error.message}
              </div>
            )}
            {step.step === 'choose' && kind === 'terminate' && (
              <BulkTerminateChoices
                groupNumber={groupNumber}
                members={members}
                initial={choices as TerminateChoices | null}
                busy={busy}
                onCancel={onClose}
                onCheck={(values) => {
                  setChoices(values);
                  void run({ kind: 'terminate', memberIds, ...values }, true);
                }}
              />
            )}
            {step.step === 'choose' && kind === 'id_cards' && (
              <BulkIdCardChoices
                count={members.length}
                initial={choices as IdCardChoices | null}
                busy={busy}
                onCancel={onClose}
                onCheck={(values) => {
                  setChoices(values);
                  void run({ kind: 'id_cards', memberIds, ...values }, true);
                }}
              />
            )}
            {step.step === 'choose' && kind === 'address' && (
              <BulkAddressChoices
                groupNumber={groupNumber}
                employees={members.filter((m) => m.relationship === 'subscriber').length}
                initial={choices as AddressChoices | null}
                busy={busy}
                onCancel={onClose}
                onCheck={(values) => {
                  setChoices(values);
                  void run({ kind: 'address', memberIds, ...values }, true);
                }}
              />
            )}
            {step.step === 'review' && (
              <BulkReview
                headingRef={headingRef}
                action={step.action}
                items={step.items}
                busy={busy}
                onBack={() => {
                  setError(null);
                  setStep({ step: 'choose' });
                }}
                onQueue={() => void run(step.action, false)}
              />
            )}
            {step.step === 'done' && <BulkResult headingRef={headingRef} action={step.action} items={step.items} queued={step.queued} onClose={onClose} />}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
