import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { ContractFailure } from '@shared/contract/errors';
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
  try {
    return await db.transaction(async (tx) => {
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

const KEY = /^[A-Za-z0-9_-]{8,128}$/;

/** The request's `Idempotency-Key` header, or null when absent; a malformed one is refused. */
export function idempotencyKeyOf(request: FastifyRequest): string | null {
  const value = request.headers['idempotency-key'];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !KEY.test(value)) {
    throw new ContractFailure('VALIDATION', 'Idempotency-Key must be 8–128 letters, digits, dashes or underscores.', { 'Idempotency-Key': 'Malformed' });
  }
  return value;
}
