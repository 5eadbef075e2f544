import type { ContractError } from '../contract/errors';

/**
 * What a rule answers when the input breaks it: a `RULE` error naming the field and saying what to
 * do, so the form can show it beside the field and the plan service can return it as is.
 */
export interface RuleViolation {
  ok: false;
  code: 'RULE';
  field: string;
  message: string;
}

export type RuleResult<T> = { ok: true; value: T } | RuleViolation;

export const allow = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const violation = (field: string, message: string): RuleViolation => ({ ok: false, code: 'RULE', field, message });

/** Where in a whole request a rule's message belongs: `['dependents', 0, 'dateOfBirth']`. */
export type FieldPath = readonly (string | number)[];

/** A rule a request breaks, at the field the user changes to mend it. */
export interface FieldViolation {
  path: FieldPath;
  message: string;
}

/**
 * The contract's `fields` for the rules a request breaks: each message under its dot-joined path
 * (`dependents.0.dateOfBirth`, as the forms name their fields), the first one where two share a field.
 */
export function violationFields(violations: readonly FieldViolation[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const v of violations) fields[v.path.join('.')] ??= v.message;
  return fields;
}

/** The contract's error shape (docs/architecture.md#the-contract) for a violation. */
export function toContractError(v: RuleViolation): ContractError {
  return { code: 'RULE', message: v.message, fields: { [v.field]: v.message } };
}

/** "the two" for 2, … so messages read as sentences; larger numbers stay digits. */
export function countWord(n: number): string {
  return ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'][n] ?? String(n);
}
