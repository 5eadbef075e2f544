import { z } from 'zod';

/**
 * Form fields hold what the user typed (strings, booleans); the step schemas check those strings with
 * the plan service's own field schemas (shared/plan-api, shared/contract/schemas), so a message on
 * screen is the message the service would answer with. Request bodies are built from the checked
 * values when the wizard submits.
 */

const isBlank = (value: unknown) => value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function firstMessage(schema: z.ZodType, value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? 'Check this value');
}

/** A required field: blank says `requiredMessage`, anything else must pass `schema`. */
export function filled(schema: z.ZodType, requiredMessage: string) {
  return z.string().superRefine((value, ctx) => {
    const message = isBlank(value) ? requiredMessage : firstMessage(schema, value);
    if (message !== null) ctx.addIssue({ code: 'custom', message });
  });
}

/** An optional field: blank is fine, anything else must pass `schema`. */
export function blankOr(schema: z.ZodType) {
  return z.string().superRefine((value, ctx) => {
    if (isBlank(value)) return;
    const message = firstMessage(schema, value);
    if (message !== null) ctx.addIssue({ code: 'custom', message });
  });
}

/** The value to send for an optional text field: trimmed, or null when left blank. */
export function orNull(value: string | undefined): string | null {
  const trimmed = (value ?? '').trim();
  return trimmed === '' ? null : trimmed;
}

/**
 * The plan's calendar day. The plan service counts windows and retro limits in UTC days
 * (server/src/services/eligibility/context.ts `todayOf`), so the wizards do the same.
 */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
