import type { ContractError } from '@shared/contract';
import { stepOwns, type WizardStep } from './steps';

/** The dispatcher names fields by their place in `transactions.submit`'s input; the form by the request's. */
const requestPrefixes = ['transaction.request.', 'request.'];

export interface RoutedError {
  /** Form path → message, for the fields a step owns. */
  fields: [string, string][];
  /** The earliest step with one of those fields, or -1. */
  stepIndex: number;
}

/**
 * Maps a RULE/VALIDATION error's `fields` onto the wizard's form fields. `aliases` renames the few
 * paths where the service's rule names a field differently (`event.eventDate` → `event.date`).
 */
export function routeServerError(error: ContractError, steps: readonly WizardStep[], aliases: Readonly<Record<string, string>> = {}): RoutedError {
  const fields: [string, string][] = [];
  let stepIndex = -1;
  for (const [raw, message] of Object.entries(error.fields ?? {})) {
    const bare = requestPrefixes.reduce((p, prefix) => (p.startsWith(prefix) ? p.slice(prefix.length) : p), raw);
    const path = aliases[bare] ?? bare;
    const index = steps.findIndex((s) => stepOwns(s, path));
    if (index < 0) continue;
    fields.push([path, message]);
    if (stepIndex < 0 || index < stepIndex) stepIndex = index;
  }
  return { fields, stepIndex };
}
