import { z } from 'zod';
import type { TransactionInput } from '@shared/contract/schemas/transaction';
import { idCardRequest } from '@shared/plan-api/eligibility';
import type { WizardStep } from '../common';
import { idCardChoicesSchema, type IdCardChoices } from './id-card-choices';
import type { Known } from './use-member-summaries';

export interface IdCardValues {
  memberIds: string[];
  reason: string;
  shipTo: string;
}

export const emptyIdCards = (memberIds: readonly string[]): IdCardValues => ({ memberIds: [...new Set(memberIds)], reason: '', shipTo: '' });

const nameOf = (id: string, known: ReadonlyMap<string, Known>) => {
  const m = known.get(id);
  return m && m !== 'missing' ? `${m.firstName} ${m.lastName}` : id;
};

/** Why a list cannot be requested as it is: the plan refuses unknown members and members whose coverage ended. */
export function memberProblems(memberIds: readonly string[], known: ReadonlyMap<string, Known>): string[] {
  const missing = memberIds.filter((id) => known.get(id) === 'missing');
  const ended = memberIds.filter((id) => {
    const m = known.get(id);
    return m !== undefined && m !== 'missing' && m.status === 'terminated';
  });
  const problems: string[] = [];
  if (missing.length) problems.push(`Not members of this group: ${missing.join(', ')}. Remove them from the list.`);
  if (ended.length) problems.push(`Cards are issued only to covered members; coverage has ended for ${ended.map((id) => nameOf(id, known)).join(', ')}. Remove them from the list.`);
  return problems;
}

export function idCardSteps(known: ReadonlyMap<string, Known>): WizardStep[] {
  return [
    {
      id: 'members',
      tour: 'id-cards-members',
      label: 'Members',
      fields: ['memberIds'],
      schema: z.object({
        memberIds: idCardRequest.shape.memberIds.superRefine((ids, ctx) => {
          // One message: a field shows its first error only, and both problems need fixing.
          const problems = memberProblems(ids, known);
          if (problems.length) ctx.addIssue({ code: 'custom', message: problems.join(' ') });
        }),
      }),
    },
    { id: 'details', label: 'Reason and shipping', fields: ['reason', 'shipTo'], schema: idCardChoicesSchema, tour: 'id-cards-details' },
    { id: 'review', label: 'Review', fields: [], tour: 'id-cards-review' },
  ];
}

export function idCardTransaction(values: IdCardValues): TransactionInput {
  return { kind: 'id_cards', request: { memberIds: values.memberIds, reason: values.reason as IdCardChoices['reason'], shipTo: values.shipTo as IdCardChoices['shipTo'] } };
}
