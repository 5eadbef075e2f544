import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { ContractError } from '@shared/contract';

/**
 * Puts a refused call's per-field messages (VALIDATION, or a RULE/CONFLICT that names a field) on the
 * form's own fields and focuses the first; `aliases` renames the few the core names differently.
 * Returns whether any field took one; names the form does not have are left to its alert.
 */
export function putOnFields<T extends FieldValues>(
  form: UseFormReturn<T, unknown, unknown>,
  error: ContractError,
  fieldNames: readonly Path<T>[],
  aliases: Readonly<Record<string, Path<T>>> = {},
): boolean {
  const placed: Path<T>[] = [];
  for (const [raw, message] of Object.entries(error.fields ?? {})) {
    const name = aliases[raw] ?? fieldNames.find((f) => f === raw);
    if (name === undefined) continue;
    form.setError(name, { message });
    placed.push(name);
  }
  const first = fieldNames.find((f) => placed.includes(f));
  if (first !== undefined) form.setFocus(first);
  return placed.length > 0;
}

/**
 * putOnFields, then the message for the form's own alert: the error's, when no field took it or
 * when a rule's refusal says more than its fields ("do not match the latest invoice" beside "check
 * the group number"); null when the fields say it all.
 */
export function placeServerError<T extends FieldValues>(
  form: UseFormReturn<T, unknown, unknown>,
  error: ContractError,
  fieldNames: readonly Path<T>[],
  aliases: Readonly<Record<string, Path<T>>> = {},
): string | null {
  const placed = putOnFields(form, error, fieldNames, aliases);
  const saidOnAField = Object.values(error.fields ?? {}).includes(error.message);
  return !placed || (error.code !== 'VALIDATION' && !saidOnAField) ? error.message : null;
}
