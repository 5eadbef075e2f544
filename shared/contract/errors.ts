import { z } from 'zod';

/**
 * Stable error codes of the contract (docs/architecture.md#the-contract). Never rename one: clients branch on them.
 * TWO_FACTOR_REQUIRED: the session may only set up two-step sign-in (docs/security.md#two-step-sign-in).
 */
export const errorCodes = ['VALIDATION', 'RULE', 'NOT_FOUND', 'FORBIDDEN', 'CONFLICT', 'OFFLINE', 'AUTH', 'INTERNAL', 'TWO_FACTOR_REQUIRED'] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const contractErrorSchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  /** Field path (dot-joined, e.g. `address.zip`) to what is wrong with it. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type ContractError = z.infer<typeof contractErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, fields?: Record<string, string>): { ok: false; error: ContractError } => ({
  ok: false,
  error: fields === undefined ? { code, message } : { code, message, fields },
});

/**
 * Thrown by handlers and domain code to answer with a specific code; the dispatcher turns it into
 * `{ ok: false, error }`. Anything else thrown becomes `INTERNAL` with no detail leaked.
 */
export class ContractFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ContractFailure';
  }
}

/** Turns zod issues into `{ 'a.b': 'message' }` and a one-line summary naming the first problem. */
export function validationError(error: z.ZodError, prefix = 'Invalid input'): ContractError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(root)';
    fields[path] ??= issue.message;
  }
  const [firstPath, firstMessage] = Object.entries(fields)[0] ?? ['(root)', 'invalid'];
  return { code: 'VALIDATION', message: `${prefix}: ${firstPath}: ${firstMessage}`, fields };
}
