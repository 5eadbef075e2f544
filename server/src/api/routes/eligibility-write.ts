import type { FastifyRequest } from 'fastify';
import { ContractFailure } from '@shared/contract/errors';
import type { TransactionAccepted } from '@shared/plan-api/eligibility';
import type { Actor, EligibilityEnv } from '../../services/eligibility/context';
import { idempotencyKeyOf, requestHashOf, withIdempotency, withIdempotencyInline, type IdempotencyRequest, type KeyClaim, type StoredAnswer } from '../../services/idempotency';
import { SsnMatchRefusal } from '../../services/eligibility/ssn-duplicates';
import { recordAudit } from '../../services/audit';
import type { Db } from '../../store/db';
import { requireGroupPermission } from '../auth';
import type { ServiceDeps } from '../deps';

export type Transaction<I> = (tx: Db, env: EligibilityEnv, actor: Actor, groupNumber: string, input: I) => Promise<TransactionAccepted>;
/** A transaction that claims its Idempotency-Key and stores its answer in its own statements (services/idempotency.ts, KeyClaim). */
export type InlineTransaction<I> = (tx: Db, env: EligibilityEnv, actor: Actor, groupNumber: string, input: I, key: KeyClaim) => Promise<StoredAnswer>;

/**
 * The route as the request hash spells it. Idempotency keys are kept for good, and those recorded
 * before the path parameter was named `groupNumber` were hashed with `:group`; hashing that spelling
 * keeps a retry from before the rename answered with its first answer, not refused as a new request.
 */
export const hashedRoute = (url: string | undefined): string | undefined => url?.replace('/:groupNumber/', '/:group/');

/**
 * Runs one eligibility transaction for a route: the caller must hold members.write in the group
 * and send an Idempotency-Key; the transaction, its key and the stored answer commit together, so
 * a retry is answered with the first answer and changes nothing (docs/architecture.md#push). An
 * SSN refused for matching another member is audited after the rollback: someone enrolling guessed
 * SSNs to find out whether a person is in the group leaves a trail.
 */
export function acceptTransaction<I>(deps: ServiceDeps, request: FastifyRequest, group: string, input: I, run: Transaction<I>): Promise<StoredAnswer> {
  return accept(deps, request, group, input, (idempotency, env, actor) =>
    withIdempotency(deps.db, idempotency, async (tx) => ({ status: 201, body: await run(tx, env, actor, group, input) })),
  );
}

/** `acceptTransaction` for a transaction that claims its key itself (enrollment: fewer round trips). */
export function acceptInlineTransaction<I>(deps: ServiceDeps, request: FastifyRequest, group: string, input: I, run: InlineTransaction<I>): Promise<StoredAnswer> {
  return accept(deps, request, group, input, (idempotency, env, actor) => withIdempotencyInline(deps.db, idempotency, (tx, key) => run(tx, env, actor, group, input, key)));
}

async function accept<I>(
  deps: ServiceDeps,
  request: FastifyRequest,
  group: string,
  input: I,
  once: (idempotency: IdempotencyRequest, env: EligibilityEnv, actor: Actor) => Promise<StoredAnswer>,
): Promise<StoredAnswer> {
  const identity = await requireGroupPermission(request, deps, group, 'members.write');
  const key = idempotencyKeyOf(request);
  if (key === null) {
    throw new ContractFailure('VALIDATION', 'Send an Idempotency-Key header (8–128 letters, digits, dashes or underscores), new for each transaction.', {
      'Idempotency-Key': 'Required',
    });
  }
  const env: EligibilityEnv = { cipher: deps.ssnCipher, now: deps.now };
  const actor: Actor = { userId: identity.userId, sessionId: identity.sessionId, ip: request.ip };
  try {
    return await once({ userId: identity.userId, key, requestHash: requestHashOf(request.method, hashedRoute(request.routeOptions.url), group, input) }, env, actor);
  } catch (error) {
    if (error instanceof SsnMatchRefusal) {
      await recordAudit(deps.db, {
        actorUserId: actor.userId,
        sessionId: actor.sessionId,
        action: 'member.ssn_match_refused',
        target: `group:${group}`,
        detail: { route: request.routeOptions.url, matchedMemberId: error.matchedMemberId },
        ip: actor.ip,
        at: deps.now(),
      });
    }
    throw error;
  }
}
