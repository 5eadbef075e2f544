import { z } from 'zod';
import type { GroupPolicy } from '@shared/contract/schemas/group';
import type { MemberDetail, RosterRow } from '@shared/contract/schemas/member';
import type { TransactionInput } from '@shared/contract/schemas/transaction';
import { validateRetroDate } from '@shared/domain/retro-window';
import { addDays } from '@shared/util/dates';
import { formatDate } from '../../components/format';
import type { WizardStep } from '../common';

export interface ReinstateValues {
  note: string;
}

export const emptyReinstate: ReinstateValues = { note: '' };

export const reinstateSteps: WizardStep[] = [
  { id: 'details', label: 'What happens', tour: 'reinstate-details', fields: ['note'], schema: z.object({ note: z.string().trim().max(200, 'Keep the note to 200 characters') }) },
  { id: 'review', label: 'Review', fields: [], tour: 'reinstate-review' },
];

/** Coverage resumes the day after it ended: no gap, the same plan. */
export const resumesOn = (member: Pick<MemberDetail, 'terminationDate'>): string | null => (member.terminationDate === null ? null : addDays(member.terminationDate, 1));

/**
 * Why this member cannot be reinstated today, with the rule the core and the plan enforce: nothing
 * ended, the day coverage resumes is outside the retro window, or (a dependent) the employee is not
 * covered on that day.
 */
export function refuseReinstatement(member: MemberDetail, policy: Pick<GroupPolicy, 'retroMonths'>, today: string): string | null {
  const from = resumesOn(member);
  if (from === null) return 'This member’s coverage has not ended: there is nothing to reinstate.';
  const retro = validateRetroDate(from, policy, today, 'memberId', 'Reinstated coverage');
  if (!retro.ok) return `Coverage ended ${formatDate(member.terminationDate)}, so it would resume ${formatDate(from)}, which is too late to reinstate. ${retro.message}`;
  const employee = member.subscriber;
  if (member.relationship !== 'subscriber' && employee !== null && employee.terminationDate !== null && employee.terminationDate < from) {
    return `The employee, ${employee.firstName} ${employee.lastName}, is not covered on ${formatDate(from)}: reinstate the employee first.`;
  }
  return null;
}

/** An employee brings back the dependents whose coverage ended the same day as theirs (the core's rule). */
export function returningDependents(member: MemberDetail): RosterRow[] {
  if (member.relationship !== 'subscriber' || member.terminationDate === null) return [];
  return member.dependents.filter((d) => d.terminationDate === member.terminationDate);
}

export function reinstateTransaction(member: Pick<MemberDetail, 'memberId'>, values: ReinstateValues): TransactionInput {
  const note = values.note.trim();
  return { kind: 'reinstate', request: { memberId: member.memberId, ...(note === '' ? {} : { note }) } };
}
