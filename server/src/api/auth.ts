import type { FastifyInstance, FastifyRequest } from 'fastify';
import { and, eq } from 'drizzle-orm';
import { ContractFailure } from '../../../shared/contract/errors';
import type { Permission } from '../../../shared/contract/define';
import { roleAllows, roleLabels, type Role } from '../../../shared/contract/roles';
import type { Db } from '../store/db';
import { groupUsers } from '../store/schema';
import { findSession, type SessionIdentity } from '../services/accounts/sessions';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's session from `Authorization: Bearer <token>`, or null (no, unknown, expired or revoked token). */
    auth: SessionIdentity | null;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;

/**
 * Resolves the bearer token in a preHandler, not onRequest: @fastify/rate-limit counts requests in
 * onRequest, and auth must come after it so a flood is answered 429 rather than 401 (toolchain.md
 * §10, item 25). Routes decide whether a session is required.
 */
export function installSessionAuth(app: FastifyInstance, deps: { db: Db; now: () => Date }): void {
  app.decorateRequest('auth', null);
  app.addHook('preHandler', async (request) => {
    const match = BEARER.exec(request.headers.authorization ?? '');
    request.auth = match?.[1] ? await findSession(deps.db, match[1], deps.now()) : null;
  });
}

export function requireSession(request: FastifyRequest): SessionIdentity {
  if (!request.auth) throw new ContractFailure('AUTH', 'Sign in first: this request needs a valid session. Your session may have expired or been ended.');
  return request.auth;
}

/**
 * The caller's role in the group, if it grants `permission`. A user without a role in the group gets
 * 403 whether or not the group exists, so group numbers cannot be probed; a user whose role lacks
 * the permission gets 403 naming the role.
 */
export async function requireGroupPermission(
  request: FastifyRequest,
  db: Db,
  groupNumber: string,
  permission: Permission,
): Promise<SessionIdentity & { role: Role }> {
  const identity = requireSession(request);
  const [row] = await db
    .select({ role: groupUsers.role })
    .from(groupUsers)
    .where(and(eq(groupUsers.userId, identity.userId), eq(groupUsers.groupNumber, groupNumber)))
    .limit(1);
  if (!row) throw new ContractFailure('FORBIDDEN', `You do not have access to group ${groupNumber}.`);
  if (!roleAllows(row.role, permission)) {
    throw new ContractFailure('FORBIDDEN', `Your role in group ${groupNumber} (${roleLabels[row.role]}) does not allow this (${permission}).`);
  }
  return { ...identity, role: row.role };
}
