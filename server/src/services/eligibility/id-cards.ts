import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import { ContractFailure } from '@shared/contract/errors';
import type { idCardRequest, TransactionAccepted } from '@shared/plan-api/eligibility';
import type { Db } from '../../store/db';
import { idCardRequests, members } from '../../store/schema';
import { loadGroupRules, type Actor, type EligibilityEnv } from './context';
import { memberViewsById } from './member-views';
import { EligibilityWork } from './work';

export type IdCardInput = z.output<typeof idCardRequest>;

/**
 * Requests ID cards for up to 500 members at once (834 loop 2300 IDC). Only members with coverage
 * today or to come get cards; the request names every one that cannot, so it can be fixed at once.
 */
export async function requestIdCards(tx: Db, env: EligibilityEnv, actor: Actor, groupNumber: string, input: IdCardInput): Promise<TransactionAccepted> {
  const rules = await loadGroupRules(tx, groupNumber);
  const work = new EligibilityWork(tx, env, rules, actor);
  const found = await tx
    .select({ memberId: members.memberId })
    .from(members)
    .where(and(eq(members.groupNumber, groupNumber), inArray(members.memberId, input.memberIds)));
  const known = new Set(found.map((m) => m.memberId));
  const unknown = input.memberIds.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    throw new ContractFailure('NOT_FOUND', `Not members of group ${groupNumber}: ${unknown.slice(0, 10).join(', ')}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''}.`, {
      memberIds: 'Unknown member IDs',
    });
  }
  const views = await memberViewsById(tx, input.memberIds, work.today);
  const ended = views.filter((v) => v.status === 'terminated').map((v) => v.memberId);
  if (ended.length > 0) {
    throw new ContractFailure('RULE', `Cards are issued only to covered members; these are terminated: ${ended.slice(0, 10).join(', ')}${ended.length > 10 ? ` and ${ended.length - 10} more` : ''}. Remove them from the request.`, {
      memberIds: 'Terminated members',
    });
  }
  const accepted = await work.commit('id_cards', input, input.memberIds, async (confirmationNumber) => {
    await tx.insert(idCardRequests).values(
      input.memberIds.map((memberId) => ({ confirmationNumber, groupNumber, memberId, reason: input.reason, shipTo: input.shipTo, createdAt: work.at })),
    );
  });
  return accepted;
}
