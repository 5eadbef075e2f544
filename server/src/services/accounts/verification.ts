import { and, count, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import type { Db } from '../../store/db';
import { emailVerifications, users } from '../../store/schema';
import { recordAudit } from '../audit';
import { hashSecret, newSecret, newShortCode, sameHash } from './tokens';

export const VERIFICATION_TTL_HOURS = 24;
/** Wrong codes allowed against one e-mail before it is spent: 5 guesses of a million. */
export const MAX_CODE_ATTEMPTS = 5;
/**
 * Each e-mail allows MAX_CODE_ATTEMPTS guesses; capping e-mails per day caps guesses at 30 a day of a
 * million codes, and keeps the service from being used to flood someone's inbox.
 */
export const MAX_VERIFICATION_MAILS_PER_DAY = 6;

export interface IssuedVerification {
  code: string;
  token: string;
  expiresAt: Date;
}

/** The code is hashed with the user ID so equal codes of two users differ in the table. */
const codeHash = (userId: string, code: string): string => hashSecret(`${userId}:${code}`);

/**
 * A new link token and code for the user's e-mail, both stored only as hashes. Any earlier unused
 * one is spent, so only the latest e-mail works.
 */
export async function issueVerification(tx: Db, userId: string, now: Date): Promise<IssuedVerification> {
  await tx
    .update(emailVerifications)
    .set({ usedAt: now })
    .where(and(eq(emailVerifications.userId, userId), isNull(emailVerifications.usedAt)));
  const code = newShortCode();
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + VERIFICATION_TTL_HOURS * 3_600_000);
  await tx.insert(emailVerifications).values({ userId, tokenHash: hashSecret(token), codeHash: codeHash(userId, code), expiresAt, createdAt: now });
  return { code, token, expiresAt };
}

type Attempt = { token: string } | { userId: string; code: string };
type Origin = { ip: string | null; now: Date };

/**
 * A user ID and code that do not verify get one answer, whatever the reason (no such user ID, already
 * verified, expired, replaced, wrong, spent): a different one for each would tell anyone which user
 * IDs exist and which are waiting for verification (docs/security.md, "User ID enumeration").
 */
export const CODE_REFUSED = `That code does not work: it is not right, expired (codes last ${VERIFICATION_TTL_HOURS} hours), or was replaced by a newer e-mail. Check the latest e-mail, or ask for a new code.`;

/** Compared with when there is no verification row, so an unknown user ID costs the same hashing as a known one. */
const NO_CODE_HASH = hashSecret('no verification');

/**
 * Marks the e-mail verified by the link's token or by user ID and code; each works once, before it
 * expires. Codes for one user ID are judged one after the other under that user ID's lock, and a
 * wrong one is counted in SQL: a burst of guesses sent at once cannot all be read as the first.
 */
export async function verifyEmail(db: Db, attempt: Attempt, origin: Origin): Promise<string> {
  const outcome = await db.transaction(async (tx) => {
    if ('code' in attempt) return verifyByCode(tx, attempt, origin);
    // A link's token is a secret no one can guess, not an identifier: its answers may say what went wrong.
    const row = await byToken(tx, attempt.token);
    if (!row) return refuse('This verification link is not valid. Use the latest e-mail we sent, or ask for a new one.', 'token');
    if (row.usedAt) return refuse('This verification was already used or replaced by a newer e-mail. Sign in, or ask for a new code.', 'token');
    if (row.expiresAt.getTime() <= origin.now.getTime()) return refuse(`This verification expired (they last ${VERIFICATION_TTL_HOURS} hours). Ask for a new code.`, 'token');
    return markVerified(tx, row, 'link', origin);
  });
  if ('failure' in outcome) throw outcome.failure;
  return outcome.userId;
}

async function verifyByCode(tx: Db, attempt: { userId: string; code: string }, origin: Origin) {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`email-code:${attempt.userId}`}))`);
  const row = await latestFor(tx, attempt.userId);
  const matches = sameHash(row?.codeHash ?? NO_CODE_HASH, codeHash(row?.userId ?? attempt.userId, attempt.code));
  if (!row || row.usedAt || row.expiresAt.getTime() <= origin.now.getTime()) return refuse(CODE_REFUSED, 'code');
  if (!matches) {
    const [counted] = await tx
      .update(emailVerifications)
      .set({ failedAttempts: sql`${emailVerifications.failedAttempts} + 1` })
      .where(eq(emailVerifications.id, row.id))
      .returning({ failures: emailVerifications.failedAttempts });
    if ((counted?.failures ?? MAX_CODE_ATTEMPTS) >= MAX_CODE_ATTEMPTS) await tx.update(emailVerifications).set({ usedAt: origin.now }).where(eq(emailVerifications.id, row.id));
    // Committed, not thrown: the failed attempt must count even though the request fails.
    return refuse(CODE_REFUSED, 'code');
  }
  return markVerified(tx, row, 'code', origin);
}

async function markVerified(tx: Db, row: typeof emailVerifications.$inferSelect, by: 'link' | 'code', origin: Origin): Promise<{ userId: string }> {
  await tx.update(emailVerifications).set({ usedAt: origin.now }).where(eq(emailVerifications.id, row.id));
  await tx.update(users).set({ emailVerifiedAt: origin.now }).where(eq(users.userId, row.userId));
  await recordAudit(tx, { actorUserId: row.userId, sessionId: null, action: 'account.verify_email', target: `user:${row.userId}`, detail: { by }, ip: origin.ip, at: origin.now });
  return { userId: row.userId };
}

const refuse = (message: string, field: string) => ({ failure: new ContractFailure('RULE', message, { [field]: message }) });

async function byToken(tx: Db, token: string) {
  const [row] = await tx.select().from(emailVerifications).where(eq(emailVerifications.tokenHash, hashSecret(token))).limit(1);
  return row;
}

async function latestFor(tx: Db, userId: string) {
  const [row] = await tx.select().from(emailVerifications).where(eq(emailVerifications.userId, userId)).orderBy(desc(emailVerifications.id)).limit(1);
  return row;
}

/** How many verification e-mails the user was sent after `since` (registration's included). */
export async function verificationsSentSince(db: Db, userId: string, since: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(emailVerifications)
    .where(and(eq(emailVerifications.userId, userId), gt(emailVerifications.createdAt, since)));
  return row?.n ?? 0;
}
