import type { Database } from 'better-sqlite3';
import { ContractFailure } from '@shared/contract';
import type { Relationship } from '@shared/contract/schemas/member';
import { deriveCoverageTier } from '@shared/domain/coverage-tier';
import { violationFields, type FieldViolation, type RuleResult } from '@shared/domain/rule-result';
import type { TransactionKind } from '@shared/plan-api/eligibility';
import type { FieldCipher } from '../../store/field-cipher';
import type { GroupRules, ReplicaMember } from './local-replica';
import type { PendingWriter } from '../../outbox/pending-writer';

export interface ChangeEnv {
  db: Database;
  cipher: FieldCipher;
  rules: GroupRules;
  today: string;
}

/**
 * A transaction the rules accepted against the local replica: what to send and how the replica
 * shows it until the plan answers.
 */
export interface PlannedChange {
  kind: TransactionKind;
  /** The plan-api request body, `expectedVersion` filled from the replica (the version the user saw). */
  body: Record<string, unknown>;
  /** The Activity line. */
  summary: string;
  /** The member the transaction is about (the subscriber of an enrollment is provisional: null). */
  memberId: string | null;
  /** Existing members it names or changes, subscriber first. */
  memberIds: string[];
  /** Writes the pending local change; `outboxId` numbers provisional members `NEW-<outboxId>[-NN]`. */
  apply(writer: PendingWriter, outboxId: number): void;
}

export const provisionalSubscriberId = (outboxId: number): string => `NEW-${outboxId}`;
export const provisionalDependentId = (outboxId: number, n: number): string => `NEW-${outboxId}-${String(n).padStart(2, '0')}`;

/** A RULE answer whose field path is the request's, so the wizard shows it beside the field. */
export function refuse(field: string, message: string): never {
  throw new ContractFailure('RULE', message, { [field]: message });
}

/**
 * Refuses with every rule a whole request breaks, each beside its field, so the wizard shows them all
 * at once; the first is the message the user reads first. Nothing broken: returns.
 */
export function refuseAll(violations: readonly FieldViolation[]): void {
  const [first] = violations;
  if (first === undefined) return;
  throw new ContractFailure('RULE', first.message, violationFields(violations));
}

/**
 * A domain rule's result, its field renamed to the request's path: the rules name fields in their
 * own words (`eventDate`, `terminationDate`), the wizard knows them by the request's.
 */
export function enforce<T>(result: RuleResult<T>, paths: Record<string, string> = {}): T {
  if (result.ok) return result.value;
  return refuse(paths[result.field] ?? result.field, result.message);
}

export const fullName = (m: { firstName: string; lastName: string }): string => `${m.firstName} ${m.lastName}`;

/**
 * Re-derives the tier of the family members covered after a change and writes it where it differs
 * (the plan recomputes the tier after every add or termination, shared/domain/coverage-tier.ts).
 */
export function retierCovered(writer: PendingWriter, covered: readonly Pick<ReplicaMember, 'memberId' | 'tier' | 'relationship'>[], extra: readonly Relationship[] = []): void {
  const tier = deriveCoverageTier([...covered.map((m) => m.relationship), ...extra]);
  for (const m of covered) if (m.tier !== tier) writer.updateMember(m.memberId, { tier });
}
