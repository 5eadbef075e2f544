import { z } from 'zod';
import type { GroupPolicy } from '@shared/contract/schemas/group';
import type { MemberDetail } from '@shared/contract/schemas/member';
import type { TransactionInput } from '@shared/contract/schemas/transaction';
import type { TerminationReasonId } from '@shared/domain/termination-reasons';
import type { WizardStep } from '../common';
import { terminationDateField, terminationReasonField } from './termination-rules';

export interface TerminateValues {
  reason: string;
  requestedDate: string;
}

export const emptyTerminate: TerminateValues = { reason: '', requestedDate: '' };

export function terminateSteps(policy: Pick<GroupPolicy, 'retroMonths' | 'terminationRule'>, today: string): WizardStep[] {
  return [
    {
      id: 'details',
      tour: 'terminate-details',
      label: 'Reason and date',
      fields: ['reason', 'requestedDate'],
      schema: z.object({ reason: terminationReasonField, requestedDate: terminationDateField(policy, today) }),
    },
    { id: 'review', label: 'Review', fields: [], tour: 'terminate-review' },
  ];
}

/** The plan's rule names the date `terminationDate`; the form calls it by the request's name. */
export const terminateAliases = { terminationDate: 'requestedDate' } as const;

export function terminateTransaction(member: Pick<MemberDetail, 'memberId'>, values: TerminateValues): TransactionInput {
  return { kind: 'terminate', request: { memberId: member.memberId, reason: values.reason as TerminationReasonId, requestedDate: values.requestedDate } };
}
