import { createHash } from 'node:crypto';
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { ContractFailure } from '@shared/contract/errors';
import { requestKey } from '@shared/plan-api/idempotency-key';
import type { Db } from '../store/db';
import { idempotencyKeys } from '../store/schema';

export interface StoredAnswer {
  status: number;
  body: unknown;
}

export interface IdempotencyRequest {
  userId: string;
  key: string;
  /** From `requestHashOf(...)`: the same key sent with a different request is a client bug. */
  requestHash: string;
}

/** Raised inside the transaction when another request already holds the key; never leaves this file. */
class KeyTaken extends Error {}

/**
 * Runs `work` once per (user, key). The key row is inserted first in the same transaction as the
 * work, so a concurrent request with the same key waits on the unique index until the first
 * commits and then finds the stored answer instead of running the work a second time. The claim is
 * also the only check on the way in: a first request (the usual case) costs no extra read, and a
 * replay finds the key taken and reads the stored answer after rolling back. If `work` throws,
 * nothing is kept (not even the key) and a retry runs it afresh; to remember a refusal, return it
 * as an answer instead of throwing.
 */
export async function withIdempotency(db: Db, request: IdempotencyRequest, work: (tx: Db) => Promise<StoredAnswer>): Promise<StoredAnswer> {
  return answerOnce(db, request, async (tx) => {
    const claimed = await tx
      .insert(idempotencyKeys)
      .values({ userId: request.userId, key: request.key, requestHash: request.requestHash, responseStatus: 0, responseBody: null, createdAt: sql`now()` })
      .onConflictDoNothing()
      .returning({ key: idempotencyKeys.key });
    if (claimed.length === 0) throw new KeyTaken();
    const answer = await work(tx);
    await tx
      .update(idempotencyKeys)
      .set({ responseStatus: answer.status, responseBody: answer.body ?? null })
      .where(and(eq(idempotencyKeys.userId, request.userId), eq(idempotencyKeys.key, request.key)));
    return answer;
  });
}

/**
 * The key's claim and its answer as parts of the work's own statements, for a busy write that
 * spends as few round trips as it can (enrollment): the same guarantees as `withIdempotency`.
 */
export interface KeyClaim {
  /** A top-level CTE `claimed` (one row when this request claimed the key): the FIRST CTE of the work's first statement. */
  readonly claimedCte: SQL;
  /** A CTE `answered` storing the answer with the key, in the work's last statement. */
  answeredCte(answer: StoredAnswer): SQL;
  /** The work found `claimed` empty: the key is another request's, whose answer is returned instead. */
  taken(): never;
}

/** `withIdempotency` for work that claims the key and stores its answer in its own statements (KeyClaim). */
export async function withIdempotencyInline(db: Db, request: IdempotencyRequest, work: (tx: Db, key: KeyClaim) => Promise<StoredAnswer>): Promise<StoredAnswer> {
  const claim: KeyClaim = {
    claimedCte: sql`claimed AS (
      INSERT INTO idempotency_keys (user_id, key, request_hash, response_status, response_body, created_at)
      VALUES (${request.userId}, ${request.key}, ${request.requestHash}, 0, NULL, now())
      ON CONFLICT DO NOTHING RETURNING 1)`,
    answeredCte: (answer) => sql`answered AS (
      UPDATE idempotency_keys SET response_status = ${answer.status}, response_body = ${JSON.stringify(answer.body ?? null)}::jsonb
      WHERE user_id = ${request.userId} AND key = ${request.key})`,
    taken: () => {
      throw new KeyTaken();
    },
  };
  return answerOnce(db, request, (tx) => work(tx, claim));
}

/** Runs `work` in a transaction; when it finds the key taken, answers with the stored answer once the transaction is rolled back. */
async function answerOnce(db: Db, request: IdempotencyRequest, work: (tx: Db) => Promise<StoredAnswer>): Promise<StoredAnswer> {
  try {
    return await db.transaction(work);
  } catch (error) {
    if (!(error instanceof KeyTaken)) throw error;
    const answer = await storedAnswer(db, request);
    if (!answer) throw new ContractFailure('CONFLICT', 'A request with this Idempotency-Key is still being processed; retry shortly.');
    return answer;
  }
}

async function storedAnswer(db: Db, request: IdempotencyRequest): Promise<StoredAnswer | null> {
  const [row] = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.userId, request.userId), eq(idempotencyKeys.key, request.key)))
    .limit(1);
  if (!row) return null;
  if (row.requestHash !== request.requestHash) {
    throw new ContractFailure('CONFLICT', 'This Idempotency-Key was already used for a different request. Use a new key for a new request.');
  }
  return { status: row.responseStatus, body: row.responseBody };
}

/** A stable digest of a request: keys sorted, so property order does not matter. */
export function requestHashOf(...parts: unknown[]): string {
  return createHash('sha256').update(stableJson(parts)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The request's `Idempotency-Key` header, or null when absent; a malformed one is refused. */
export function idempotencyKeyOf(request: FastifyRequest): string | null {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !requestKey.safeParse(value).success) {
    throw new ContractFailure('VALIDATION', 'Idempotency-Key must be 8–128 letters, digits, dashes or underscores.', { 'Idempotency-Key': 'Malformed' });
  }
  return value;
}
