import type { z } from 'zod';
import { ContractFailure } from '@shared/contract';
import type { BulkChange, BulkOutcome, bulkAction } from '@shared/contract/schemas/transaction';
import { addressLine, sameAddress } from '@shared/domain/address-lines';
import { fullName } from './change-plan';
import { planDemographics } from './demographics-change';
import { findReplicaMember, replicaFamily, type ReplicaMember } from './local-replica';
import { changeEnv, queuePlanned, type QueueEnv } from './queue-change';

type AddressAction = Extract<z.output<typeof bulkAction>, { kind: 'address' }>;

const result = (member: ReplicaMember, outcome: BulkOutcome['outcome'], message: string | null, changes: BulkChange[] = []): BulkOutcome => ({
  memberId: member.memberId,
  name: fullName(member),
  outcome,
  message,
  coverageEnds: null,
  changes,
});

/**
 * One new address for each selected employee, queued as their demographic change, and (when asked)
 * as the change of each covered dependent whose address on file is the employee's old one. The
 * plan's demographic request names one member, so a family moves as one transaction per member; the
 * family's changes are planned in a savepoint and a refusal of any one leaves the whole family as it
 * was, so no family is left half moved. Runs inside the caller's SQLite transaction.
 */
export function bulkAddress(env: QueueEnv, groupNumber: string, action: AddressAction): { items: BulkOutcome[]; queued: number[] } {
  const cenv = changeEnv(env, groupNumber);
  const { db } = env.store;
  const ids = [...new Set(action.memberIds)];
  const selected = new Set(ids);
  const to = addressLine(action.address);
  const queued: number[] = [];
  const moving = new Map<string, string>();
  const items = new Map<string, BulkOutcome>();
  const members = ids.map((id) => ({ id, member: findReplicaMember(db, groupNumber, id) }));
  // Employees first: a dependent selected with them is then known to move along.
  members.sort((a, b) => Number(b.member?.relationship === 'subscriber') - Number(a.member?.relationship === 'subscriber'));

  for (const { id, member } of members) {
    if (member === null) {
      items.set(id, { memberId: id, name: '', outcome: 'problem', message: `Not a member of group ${groupNumber}.`, coverageEnds: null, changes: [] });
      continue;
    }
    if (member.relationship !== 'subscriber') {
      const employee = moving.get(member.memberId);
      items.set(
        id,
        employee !== undefined
          ? result(member, 'skipped', `Moves with employee ${employee}.`)
          : result(member, 'problem', selected.has(member.subscriberId) ? 'Has an address of their own: change it from their page.' : 'Choose the employee: a new address goes to employees and, if asked, the dependents who share it.'),
      );
      continue;
    }
    if (sameAddress(member.address, action.address)) {
      items.set(id, result(member, 'skipped', 'Already at this address.'));
      continue;
    }
    const family = action.withDependents
      ? replicaFamily(db, member.memberId).filter((d) => d.relationship !== 'subscriber' && d.terminationDate === null && sameAddress(d.address, member.address))
      : [];
    const movers = [member, ...family];
    const changes = movers.map((m) => ({ memberId: m.memberId, name: fullName(m), from: addressLine(m.address), to }));
    try {
      const rows = db.transaction(() =>
        movers.map((m) => queuePlanned(env, groupNumber, planDemographics(cenv, { memberId: m.memberId, changes: { address: action.address }, effectiveDate: action.effectiveDate, correction: false })).id),
      )();
      queued.push(...rows);
      for (const d of family) moving.set(d.memberId, member.memberId);
      const n = family.length;
      items.set(id, result(member, 'ok', n === 0 ? null : `${n} dependent${n === 1 ? '' : 's'} at the same address move${n === 1 ? 's' : ''} too.`, changes));
    } catch (error) {
      if (!(error instanceof ContractFailure)) throw error;
      items.set(id, result(member, 'problem', error.message, changes));
    }
  }
  return { items: ids.map((id) => items.get(id) as BulkOutcome), queued };
}
