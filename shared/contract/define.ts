import type { z } from 'zod';

/**
 * What a caller needs in the group to run a method. The desktop core checks it against the signed-in
 * user's role; the plan service checks it again on its own (it never trusts the client).
 */
export const permissions = ['none', 'members.read', 'members.write', 'billing.read', 'billing.write', 'users.manage'] as const;
export type Permission = (typeof permissions)[number];

export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly permission: Permission;
  readonly summary: string;
}

export const method = <I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> => def;
