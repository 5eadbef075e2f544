import { z } from 'zod';

/** The one operator route: the CLI's arguments in, what the command printed and its exit code out. */
export const OPERATOR_ROUTE = '/ops/run';

export const operatorRequest = z
  .object({
    /** `ops` arguments after `ops`, e.g. `["approve", "PA-2026-000100"]`. */
    argv: z.array(z.string().max(100_000)).min(1).max(100),
    /** Who the audit log names: `ops:<login name>` of the operator who ran the CLI. */
    operator: z.string().regex(/^ops:[A-Za-z0-9._@-]{1,64}$/, 'operator must read ops:<login name>'),
  })
  .strict();
export type OperatorRequest = z.infer<typeof operatorRequest>;

export const operatorResponse = z
  .object({
    exitCode: z.union([z.literal(0), z.literal(1), z.literal(2)]),
    /** In the order printed, each to the stream the CLI would have printed it to. */
    lines: z.array(z.object({ stream: z.enum(['out', 'err']), text: z.string() }).strict()),
  })
  .strict();
export type OperatorResponse = z.infer<typeof operatorResponse>;

/** `ops:<login name>` with anything a login name should not contain replaced, so the endpoint accepts it. */
export function operatorName(loginName: string): string {
  const safe = loginName.replace(/[^A-Za-z0-9._@-]/g, '_').slice(0, 64);
  return `ops:${safe || 'unknown'}`;
}
