import type { Role } from '@shared/contract/roles';
import type { TestService } from './test-service';

/**
 * Who calls: each role in the group under test, a primary administrator of another group
 * (`outsider`), and nobody signed in (`anonymous`).
 */
export type Caller = Role | 'outsider' | 'anonymous';
export const callers: readonly Caller[] = ['primary_admin', 'admin', 'billing', 'read_only', 'outsider', 'anonymous'];

/** The group every case is called against, and the outsider's own group. */
export const TABLE_GROUP = '4100';
export const OTHER_GROUP = '4200';

export interface CaseContext {
  service: TestService;
  groupNumber: string;
  caller: Caller;
}

/** One route of the table: how to call it, and the status each caller must get. */
export interface AuthorizationCase {
  name: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: (groupNumber: string) => string;
  /** Built per call, so a write can use fresh identifiers each time. */
  body?: (context: CaseContext) => unknown | Promise<unknown>;
  headers?: (context: CaseContext) => Record<string, string>;
  /** The call ends or changes the session (sign-out, password change): give it a session of its own. */
  freshSession?: boolean;
  expect: Record<Caller, number>;
}

/** A route any signed-in user may call: 401 only without a session. */
export const anySignedIn = (ok: number): Record<Caller, number> => ({ primary_admin: ok, admin: ok, billing: ok, read_only: ok, outsider: ok, anonymous: 401 });

/** A group route needing `permission`-like access: allowed roles get `ok`, other roles and outsiders 403. */
export function groupRoute(ok: number, allowed: readonly Role[]): Record<Caller, number> {
  const expected = { outsider: 403, anonymous: 401 } as Record<Caller, number>;
  for (const role of ['primary_admin', 'admin', 'billing', 'read_only'] as const) expected[role] = allowed.includes(role) ? ok : 403;
  return expected;
}
