import { ContractFailure } from '@shared/contract';
import type { ImportItem } from '@shared/contract/methods/roster-import';
import { localMemberId, memberIdForm } from '@shared/contract/schemas/primitives';
import { transactionInput, type ParsedTransactionInput } from '@shared/contract/schemas/transaction';
import { validateTermination } from '@shared/domain/termination';
import { readEditableValues } from '../../store/members/members-repository';
import { fullName, type ChangeEnv } from '../transactions/change-plan';
import { findReplicaMember, requireReplicaMember } from '../transactions/local-replica';
import { planChange } from '../transactions/plan-change';
import { changeEnv, queuePlanned, type QueueEnv } from '../transactions/queue-change';
import type { ImportRow } from './import-row';
import { addDependentInput, columnOfPath, demographicsInput, enrollInput, reinstateInput, terminateInput, type RowRequest } from './import-requests';

const isLocalMemberId = (value: string): boolean => localMemberId.safeParse(value).success;

/** A row of the file in file order. */
export interface PositionedRow {
  position: number;
  row: ImportRow;
}

/** What the check says of one member; the transaction rides on the first member it covers. */
export interface CheckedMember extends ImportItem {
  position: number;
  transactionNo: number | null;
  transaction: ParsedTransactionInput | null;
}

/**
 * Why a transaction is refused. `owner` is the member of the transaction it is about (an
 * enrollment's dependent): that member gets the reason, the others point at its line. `path` is the
 * request field a rule named, to find the owner by.
 */
class Refusal {
  constructor(
    readonly message: string,
    readonly owner: number = 0,
    readonly path: readonly PropertyKey[] = [],
  ) {}
}

/**
 * Checks a file's families one at a time against a store: each member's request is planned by the
 * wizards' own functions (shared/domain rules, their messages) and, when accepted, queued in that
 * store, so a later row sees what an earlier one changed, exactly as confirming would. The store is
 * a scratch copy the caller discards: this is the dry run; confirming plans the kept requests again
 * on the real store.
 */
export class FamilyChecker {
  private readonly cenv: ChangeEnv;
  private transactions = 0;

  constructor(
    private readonly env: QueueEnv,
    private readonly groupNumber: string,
  ) {
    this.cenv = changeEnv(env, groupNumber);
  }

  /** One family's rows (sharing a family key), in file order. */
  check(family: readonly PositionedRow[]): CheckedMember[] {
    const newSubscriber = family.find(({ row }) => row.action === 'add' && row.relationship === 'subscriber' && row.memberId === null);
    const joining = newSubscriber === undefined ? [] : family.filter(({ row }) => row !== newSubscriber.row && row.action === 'add' && row.relationship !== 'subscriber' && row.memberId === null);
    const checked: CheckedMember[] = newSubscriber === undefined ? [] : this.enroll([newSubscriber, ...joining]);
    for (const one of family) {
      if (one === newSubscriber || joining.includes(one)) continue;
      checked.push(...this.single(one, newSubscriber));
    }
    return checked.sort((a, b) => a.position - b.position);
  }

  /** A new employee with the dependents named with them: one enrollment, one outcome for all. */
  private enroll(members: readonly PositionedRow[]): CheckedMember[] {
    const broken = members.findIndex(({ row }) => row.problems.length > 0);
    if (broken >= 0) return this.refuseAll(members, new Refusal((members[broken] as PositionedRow).row.problems.join(' '), broken));
    const [subscriber, ...dependents] = members.map((m) => m.row) as [ImportRow, ...ImportRow[]];
    return this.queue(members, enrollInput(subscriber, dependents), (path) => (path[0] === 'dependents' && typeof path[1] === 'number' ? path[1] + 1 : 0));
  }

  private single(one: PositionedRow, newSubscriber: PositionedRow | undefined): CheckedMember[] {
    const { row } = one;
    if (row.problems.length > 0) return this.refuseAll([one], new Refusal(row.problems.join(' ')));
    const input = this.inputOf(row, newSubscriber);
    if (input instanceof Refusal) return this.refuseAll([one], input);
    if (typeof input === 'string') return [this.item(one, 'skip', input)];
    return this.queue([one], input, () => 0);
  }

  /** The request a row makes, a refusal, or why there is nothing to do (a skip). */
  private inputOf(row: ImportRow, newSubscriber: PositionedRow | undefined): RowRequest | Refusal | string {
    if (row.action === 'add') {
      if (row.memberId !== null) return new Refusal(`Member ${row.memberId} is already enrolled: leave Member ID empty to add someone new, or use Reinstate to cover this member again.`);
      if (newSubscriber !== undefined) {
        return new Refusal(`The family key ${row.familyKey} already has its employee on line ${newSubscriber.row.location.number}: each family has one employee.`);
      }
      if (!memberIdForm.test(row.familyKey) || row.familyKey.includes('-')) {
        return new Refusal(`No employee is added with family key ${row.familyKey} in this file: to add a dependent to an enrolled employee, give the employee's member ID as the family key.`);
      }
      return addDependentInput(row, row.familyKey);
    }
    if (row.memberId === null) return new Refusal(`Member ID is empty: name the member to ${row.action}.`);
    const memberId = row.memberId;
    const member = this.attempt(() => requireReplicaMember(this.env.store.db, this.groupNumber, memberId, 'memberId'));
    if (member instanceof Refusal) return member;
    switch (row.action) {
      case 'terminate': {
        if (member.terminationDate !== null && row.terminationDate !== null && this.endsOn(row.terminationDate, member.effectiveDate) === member.terminationDate) {
          return `Already terminated: coverage ends ${member.terminationDate}.`;
        }
        return terminateInput(row, memberId);
      }
      case 'reinstate':
        return member.terminationDate === null ? 'Already covered: there is nothing to reinstate.' : reinstateInput(memberId);
      case 'change': {
        const stored = readEditableValues(this.env.store.db, memberId);
        const input = stored === undefined ? null : demographicsInput(row, memberId, stored, this.env.store.cipher, this.env.today);
        return input ?? 'Nothing to change: the roster already says so.';
      }
    }
  }

  /** The last covered day the group's termination rule gives for this event date (null when the rule refuses the date). */
  private endsOn(requestedDate: string, coverageStartDate: string): string | null {
    const result = validateTermination({ requestedDate, coverageStartDate }, this.cenv.rules.policy, this.env.today);
    return result.ok ? result.value : null;
  }

  /** Validates the request as `transactions.submit` does, plans it by the wizards' rules and queues it in the checked store. */
  private queue(members: readonly PositionedRow[], input: RowRequest, ownerOf: (path: readonly PropertyKey[]) => number): CheckedMember[] {
    const parsed = transactionInput.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const path = issue?.path.slice(1) ?? [];
      const column = columnOfPath(path);
      return this.refuseAll(members, new Refusal(`${column === null ? '' : `${column}: `}${issue?.message ?? 'Not a valid request.'}`, ownerOf(path)));
    }
    const queued = this.attempt(() => queuePlanned(this.env, this.groupNumber, planChange(this.cenv, parsed.data)));
    if (queued instanceof Refusal) return this.refuseAll(members, new Refusal(queued.message, ownerOf(queued.path)));
    this.transactions += 1;
    return members.map((m, i) => ({ ...this.item(m, 'queue', null), transactionNo: this.transactions, transaction: i === 0 ? parsed.data : null }));
  }

  /** Runs a rule; its refusal (a ContractFailure) becomes the member's reason, with the field it names. */
  private attempt<T>(run: () => T): T | Refusal {
    try {
      return run();
    } catch (error) {
      if (!(error instanceof ContractFailure)) throw error;
      const field = Object.keys(error.fields ?? {})[0] ?? '';
      return new Refusal(error.message, 0, field.split('.').map((key) => (/^\d+$/.test(key) ? Number(key) : key)));
    }
  }

  private refuseAll(members: readonly PositionedRow[], refusal: Refusal): CheckedMember[] {
    const owner = members[refusal.owner] ?? members[0];
    return members.map((m) => this.item(m, 'refuse', m === owner ? refusal.message : `Not enrolled: line ${owner?.row.location.number ?? 0} of this family is refused.`));
  }

  private item(one: PositionedRow, outcome: ImportItem['outcome'], reason: string | null): CheckedMember {
    const { row } = one;
    const replica = row.memberId === null || !isLocalMemberId(row.memberId) ? null : findReplicaMember(this.env.store.db, this.groupNumber, row.memberId);
    const typed = `${row.firstName} ${row.lastName}`.trim();
    return {
      position: one.position,
      location: row.location,
      // A value that is no member ID at all is not echoed as one (the row is refused for it anyway).
      memberId: row.memberId !== null && isLocalMemberId(row.memberId) ? row.memberId : null,
      name: typed !== '' ? typed : replica === null ? '' : fullName(replica),
      action: row.action,
      outcome,
      reason,
      transactionNo: null,
      transaction: null,
    };
  }
}
