import { ContractFailure } from '@shared/contract';
import { isProvisionalMemberId } from '@shared/contract/schemas/primitives';
import { coverageTierLabels } from '@shared/domain/coverage-tier';
import { renderTemporaryIdCard } from '../../exports/temporary-id-card';
import { findGroup } from '../../store/repositories/groups-repository';
import type { Store } from '../../store/store';
import { findMemberDetail } from './member-detail';

const fullName = (m: { firstName: string; middleName?: string | null; lastName: string; suffix?: string | null }) =>
  [m.firstName, m.middleName, m.lastName, m.suffix].filter((s) => s !== null && s !== undefined && s !== '').join(' ');

/**
 * A temporary ID card for a covered member, from what this computer holds: a card for someone whose
 * coverage ended would be proof of coverage they do not have, and a member the plan has not accepted
 * yet has no ID a provider could check.
 */
export async function temporaryIdCard(store: Store, groupNumber: string, memberId: string, today: string, now: string) {
  const member = findMemberDetail(store.db, groupNumber, memberId, today);
  if (member === null) throw new ContractFailure('NOT_FOUND', `No member ${memberId} in group ${groupNumber}.`);
  if (isProvisionalMemberId(member.memberId)) {
    throw new ContractFailure('RULE', 'This member has no member ID until the plan accepts the enrollment: a card can be printed then.', { memberId: 'No member ID yet' });
  }
  if (member.status === 'terminated') {
    throw new ContractFailure('RULE', `Coverage ended ${member.terminationDate ?? ''}: ID cards are issued only to covered members.`, { memberId: 'Coverage ended' });
  }
  const group = findGroup(store.db, groupNumber, today);
  if (group === null) throw new ContractFailure('NOT_FOUND', `Group ${groupNumber} is not on this computer.`);
  const plan = group.plans.find((p) => p.code === member.planCode);
  const employee = member.subscriber ?? member;
  const pdf = await renderTemporaryIdCard({
    member: { memberId: member.memberId, name: fullName(member) },
    employee: { memberId: employee.memberId, name: fullName(employee) },
    group: { groupNumber, name: group.name },
    plan: { code: member.planCode, name: member.planName, kind: plan?.kind ?? null, tier: coverageTierLabels[member.tier], costSharing: plan?.costSharing ?? null },
    memberServicesPhone: group.memberServicesPhone ?? null,
    effectiveDate: member.effectiveDate,
    generatedAt: now,
  });
  return { fileName: `temporary-id-card-${member.memberId}.pdf`, contentType: 'application/pdf' as const, base64: pdf.toString('base64') };
}
