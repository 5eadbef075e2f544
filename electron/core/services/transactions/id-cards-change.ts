import type { z } from 'zod';
import { ContractFailure } from '@shared/contract';
import { memberStatusOn } from '@shared/domain/member-status';
import { idCardReasonShort } from '@shared/domain/id-card-reasons';
import type { idCardRequest } from '@shared/plan-api/eligibility';
import { fullName, refuse, type ChangeEnv, type PlannedChange } from './change-plan';
import { findReplicaMember, type ReplicaMember } from './local-replica';

type IdCardInput = z.output<typeof idCardRequest>;

const listed = (ids: string[]): string => `${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ` and ${ids.length - 10} more` : ''}`;

/** Requests ID cards; only members covered today or to come get cards. Nothing changes locally. */
export function planIdCards(env: ChangeEnv, request: IdCardInput): PlannedChange {
  const { db, rules, today } = env;
  const found = request.memberIds.map((id) => findReplicaMember(db, rules.groupNumber, id));
  const unknown = request.memberIds.filter((_, i) => found[i] === null);
  if (unknown.length > 0) {
    throw new ContractFailure('NOT_FOUND', `Not members of group ${rules.groupNumber}: ${listed(unknown)}.`, { memberIds: 'Unknown member IDs' });
  }
  const members = found as ReplicaMember[];
  const ended = members.filter((m) => memberStatusOn(m.effectiveDate, m.terminationDate, today) === 'terminated').map((m) => m.memberId);
  if (ended.length > 0) {
    refuse('memberIds', `Cards are issued only to covered members; these are terminated: ${listed(ended)}. Remove them from the request.`);
  }
  const [first] = members;
  const reason = idCardReasonShort[request.reason];
  return {
    kind: 'id_cards',
    body: { ...request },
    summary: members.length === 1 && first !== undefined ? `ID card for ${first.memberId} ${fullName(first)} (${reason})` : `ID cards for ${members.length} members (${reason})`,
    memberId: members.length === 1 ? (first?.memberId ?? null) : null,
    memberIds: members.map((m) => m.memberId),
    apply() {
      // The plan prints and mails the cards; the roster does not change.
    },
  };
}
