import type { Address } from '../contract/schemas/group';
import { allow, violation, type RuleResult } from './rule-result';

/** Two addresses name the same home: every line equal, a missing second line equal to an empty one. */
export function sameAddress(a: Address, b: Address): boolean {
  return a.line1 === b.line1 && (a.line2 ?? '') === (b.line2 ?? '') && a.city === b.city && a.state === b.state && a.zip === b.zip;
}

/** A dependent as a move of the employee sees it. */
export interface HouseholdDependent {
  memberId: string;
  address: Address;
  /** Entered "Same as the employee" and never given an address of their own. */
  sameAddressAsSubscriber: boolean;
  /** A terminated member is read-only (docs/architecture.md#domain-rules): a move leaves them where they were. */
  terminated: boolean;
}

export interface MoveCandidate {
  memberId: string;
  /** Lives with the employee: checked unless the user says otherwise. */
  linked: boolean;
}

/**
 * The dependents an employee's move may take along: those linked to the employee's address, and
 * those who merely had the same address (entered before the link existed, or typed in by hand).
 */
export function moveCandidates(oldAddress: Address, dependents: readonly HouseholdDependent[]): MoveCandidate[] {
  return dependents
    .filter((d) => !d.terminated && (d.sameAddressAsSubscriber || sameAddress(d.address, oldAddress)))
    .map((d) => ({ memberId: d.memberId, linked: d.sameAddressAsSubscriber }));
}

export interface HouseholdMove {
  /** Moved to the employee's new address and linked to it from now on. */
  move: string[];
  /** Linked dependents who stay behind: they keep the old address as their own. */
  unlink: string[];
}

/**
 * Who moves with the employee. `chosen` is the user's answer, naming exactly the dependents who move;
 * without an answer (a request from before the question existed) the linked dependents follow, as the
 * link promises. A chosen member must be a candidate: a dependent living elsewhere is moved on their own record.
 */
export function planHouseholdMove(oldAddress: Address, dependents: readonly HouseholdDependent[], chosen: readonly string[] | undefined): RuleResult<HouseholdMove> {
  const candidates = moveCandidates(oldAddress, dependents);
  if (chosen === undefined) return allow({ move: candidates.filter((c) => c.linked).map((c) => c.memberId), unlink: [] });
  const offered = new Set(candidates.map((c) => c.memberId));
  const stranger = chosen.find((id) => !offered.has(id));
  if (stranger !== undefined) {
    return violation('moveDependents', `${stranger} did not live at the employee’s address, or is not a covered dependent of this employee: change their address on their own record.`);
  }
  const moving = new Set(chosen);
  return allow({ move: candidates.filter((c) => moving.has(c.memberId)).map((c) => c.memberId), unlink: candidates.filter((c) => c.linked && !moving.has(c.memberId)).map((c) => c.memberId) });
}
