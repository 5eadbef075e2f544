import { eq, sql } from 'drizzle-orm';
import type { GroupPolicy } from '@shared/contract/schemas/group';
import { ContractFailure } from '@shared/contract/errors';
import { violationFields, type FieldViolation } from '@shared/domain/rule-result';
import type { Db } from '../../store/db';
import { groups, plans } from '../../store/schema';
import type { SsnCipher } from './ssn-crypto';

/** What every eligibility transaction needs from the running service. */
export interface EligibilityEnv {
  cipher: SsnCipher;
  /** The service clock (injected so tests can move time). */
  now(): Date;
}

export interface Actor {
  userId: string;
  sessionId: string | null;
  ip: string | null;
}

/** The plan's calendar day: rules count days in the plan's calendar, which the service keeps in UTC. */
export function todayOf(env: Pick<EligibilityEnv, 'now'>): string {
  return env.now().toISOString().slice(0, 10);
}

export interface GroupRules {
  groupNumber: string;
  policy: GroupPolicy;
  planNames: ReadonlyMap<string, string>;
}

/** What `loadGroupRules` reads from `groups`; a transaction may select more beside it in the same round trip. */
export const groupRulesColumns = {
  policy: groups.policy,
  plans: sql<{ code: string; name: string }[]>`(SELECT coalesce(json_agg(json_build_object('code', ${plans.code}, 'name', ${plans.name})), '[]') FROM ${plans} WHERE ${plans.groupNumber} = ${groups.groupNumber})`,
};

/** The rules from a row of `groupRulesColumns`. */
export function groupRulesOf(groupNumber: string, row: { policy: GroupPolicy; plans: { code: string; name: string }[] }): GroupRules {
  return { groupNumber, policy: row.policy, planNames: new Map(row.plans.map((p) => [p.code, p.name])) };
}

export const groupNotFound = (groupNumber: string) => new ContractFailure('NOT_FOUND', `Group ${groupNumber} does not exist.`);

/** The group's policy values and plans; NOT_FOUND when the group does not exist. */
export async function loadGroupRules(tx: Db, groupNumber: string): Promise<GroupRules> {
  // One round trip: every transaction starts here, so it is on the hot path.
  const [group] = await tx.select(groupRulesColumns).from(groups).where(eq(groups.groupNumber, groupNumber));
  if (!group) throw groupNotFound(groupNumber);
  return groupRulesOf(groupNumber, group);
}

/** Throws the domain rule's violation as the contract's RULE error (its message says what to do). */
export function enforce<T>(result: { ok: true; value: T } | { ok: false; field: string; message: string }, fieldPrefix = ''): T {
  if (result.ok) return result.value;
  throw new ContractFailure('RULE', result.message, { [fieldPrefix + result.field]: result.message });
}

/**
 * Throws every rule a whole request breaks as one RULE error: each message under its field's path, the
 * first as the error's message, so a client can show them all beside their fields in one answer.
 */
export function enforceAll(violations: readonly FieldViolation[]): void {
  const [first] = violations;
  if (first === undefined) return;
  throw new ContractFailure('RULE', first.message, violationFields(violations));
}

/**
 * A stale version answers CONFLICT: someone changed the member since the administrator looked. The
 * words name no version: an administrator reads this in Activity, where version numbers mean nothing.
 */
export function checkVersion(memberId: string, actual: number, expected: number): void {
  if (actual !== expected) {
    throw new ContractFailure('CONFLICT', `Someone else changed member ${memberId} after you opened it: reload the member, check your change and send it again.`);
  }
}
