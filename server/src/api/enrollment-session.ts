import type { FastifyRequest } from 'fastify';
import { ContractFailure } from '@shared/contract/errors';
import type { Db } from '../store/db';
import type { SessionIdentity } from '../services/accounts/sessions';
import { sessionOf, signInFirst } from './auth';

/** The caller's live session, limited to enrollment or not: for the few routes a limited session may use (limited-session.ts). */
export async function requireSessionOrEnrollment(request: FastifyRequest, deps: { db: Db; now: () => Date }): Promise<SessionIdentity> {
  const identity = await sessionOf(request, deps);
  if (!identity) throw new ContractFailure('AUTH', signInFirst);
  return identity;
}
