import type { FastifyRequest } from 'fastify';
import { ContractFailure } from '@shared/contract/errors';
import type { Permission } from '@shared/contract/define';
import { roleAllows, roleLabels, type Role } from '@shared/contract/roles';
import type { TwoFactorPolicy } from '@shared/plan-api/two-factor';
import type { Db } from '../store/db';
import { findSession, type SessionIdentity } from '../services/accounts/sessions';
import { refuseLimitedSession } from './limited-session';

const BEARER = /^Bearer ([A-Za-z0-9_-]{20,200})$/;

/** What a route's authorization reads: the database, the clock and the two-step sign-in policy. */
export interface AuthDeps {
  db: Db;
  now: () => Date;
  twoFactor: { policy: TwoFactorPolicy };
}

export const signInFirst = 'Sign in first: this request needs a valid session. Your session may have expired or been ended.';

/**
 * The caller's live session, read from the database on every call: nothing is cached, so a revoked
 * or expired session is refused at once. Routes call it in their handler, which Fastify runs after
 * @fastify/rate-limit's onRequest hook, so a flood is answered 429 rather than 401 (an onRequest auth
 * hook would run before the limiter and answer every request 401).
 */
export async function requireSession(request: FastifyRequest, deps: AuthDeps): Promise<SessionIdentity> {
  const identity = await sessionOf(request, deps);
  if (!identity) throw new ContractFailure('AUTH', signInFirst);
  refuseLimitedSession(identity, deps.twoFactor.policy);
  return identity;
}

/**
 * The caller's role in the group, if it grants `permission`. The session and the role are read in
 * one query, as they are on every group route. A user without a role in the group gets 403 whether
 * or not the group exists, so group numbers cannot be probed; a user whose role lacks the permission
 * gets 403 naming the role.
 */
export async function requireGroupPermission(
  request: FastifyRequest,
  deps: AuthDeps,
  groupNumber: string,
  permission: Permission,
): Promise<SessionIdentity & { role: Role }> {
  const identity = await sessionOf(request, deps, groupNumber);
  if (!identity) throw new ContractFailure('AUTH', signInFirst);
  refuseLimitedSession(identity, deps.twoFactor.policy);
  const { role } = identity;
  if (!role) throw new ContractFailure('FORBIDDEN', `You do not have access to group ${groupNumber}.`);
  if (!roleAllows(role, permission)) {
    throw new ContractFailure('FORBIDDEN', `Your role in group ${groupNumber} (${roleLabels[role]}) does not allow this (${permission}).`);
  }
  return { userId: identity.userId, sessionId: identity.sessionId, expiresAt: identity.expiresAt, role };
}

export function sessionOf(request: FastifyRequest, deps: { db: Db; now: () => Date }, groupNumber?: string) {
  const token = BEARER.exec(request.headers.authorization ?? '')?.[1];
  return token ? findSession(deps.db, token, deps.now(), groupNumber) : Promise.resolve(null);
}
