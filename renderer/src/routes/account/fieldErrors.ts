import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import type { ContractError } from '../../../../shared/contract';

/**
 * Puts the core's per-field messages (VALIDATION, or a RULE/CONFLICT that names a field) on the
 * form's own fields and focuses the first; returns whether any field took one. Names the form does
 * not have are left to the form's alert.
 */
export function putOnFields<V extends FieldValues, P>(form: UseFormReturn<V, unknown, P>, error: ContractError, names: readonly Path<V>[]): boolean {
  const hits = Object.entries(error.fields ?? {}).filter((entry): entry is [Path<V>, string] => (names as readonly string[]).includes(entry[0]));
  for (const [name, message] of hits) form.setError(name, { message });
  const first = names.find((name) => hits.some(([hit]) => hit === name));
  if (first !== undefined) form.setFocus(first);
  return hits.length > 0;
}
