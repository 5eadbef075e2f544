import type { WizardName } from '@shared/contract/schemas/transaction';
import type { TransactionKind } from '@shared/plan-api/eligibility';

/** What a notification calls a transaction: no member in it (it may become an OS notification). */
export const transactionKindLabels: Record<TransactionKind, string> = {
  enroll: 'Enrollment',
  add_dependent: 'New dependent',
  terminate: 'Termination',
  reinstate: 'Reinstatement',
  update_demographics: 'Demographic change',
  id_cards: 'ID card request',
};

/** The wizard that corrects a transaction of this kind; reinstatement has none (a single action). */
export const wizardForKind: Record<TransactionKind, WizardName | null> = {
  enroll: 'enroll',
  add_dependent: 'add_dependent',
  terminate: 'terminate',
  reinstate: null,
  update_demographics: 'update_demographics',
  id_cards: 'id_cards',
};
