import type { TransactionKind } from '@shared/plan-api/eligibility';
import type { TransactionStatus, WizardName } from '@shared/contract/schemas/transaction';

/** Plain words for where a change is; "waiting to send" is what the status bar says too. */
export const transactionStatusLabels: Record<TransactionStatus, string> = {
  draft: 'Draft',
  queued: 'Waiting to send',
  sent: 'Sent',
  accepted: 'Accepted',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  corrected: 'Corrected',
};

export const transactionKindLabels: Record<TransactionKind, string> = {
  enroll: 'Enrollment',
  add_dependent: 'Add a dependent',
  terminate: 'Termination',
  reinstate: 'Reinstatement',
  update_demographics: 'Demographics update',
  id_cards: 'ID card request',
};

export const wizardLabels: Record<WizardName, string> = {
  enroll: 'Enrollment',
  add_dependent: 'Add a dependent',
  terminate: 'Termination',
  update_demographics: 'Demographics update',
  id_cards: 'ID card request',
};

/** The word for when a change reached its final status. */
export const resolvedLabels: Partial<Record<TransactionStatus, string>> = {
  accepted: 'Accepted',
  rejected: 'Rejected',
  cancelled: 'Cancelled',
  corrected: 'Rejected',
};

export function TransactionBadge({ status }: { status: TransactionStatus }) {
  return <span className={`badge badge-tx-${status}`}>{transactionStatusLabels[status]}</span>;
}

/** `dependents.0.dateOfBirth` → `Dependents 1 › Date of birth`: the plan's field paths as a person reads them. */
export function fieldLabel(path: string): string {
  return path
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : humanize(part)))
    .join(' › ')
    .replace(/ › (\d+)/g, ' $1');
}

/** `dateOfBirth` → `Date of birth`, `ssn` → `SSN`, `memberIds` → `Member IDs`. */
export function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .replace(/\b(ssn|id|zip)(s?)\b/g, (_, word: string, s: string) => word.toUpperCase() + s);
  return words.charAt(0).toUpperCase() + words.slice(1);
}
