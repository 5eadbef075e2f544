import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../store/db';
import { sessions } from '../../store/schema';
import { hashSecret, newId, newSecret } from './tokens';

/** A session ends after this long without use… */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** …and in any case this long after sign-in, so a stolen token cannot live forever. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** Writing last_seen_at on every request would turn each read into a write; a minute is precise enough. */
const TOUCH_AFTER_MS = 60 * 1000;

export interface SessionIdentity {
  userId: string;
  sessionId: string;
}

export async function createSession(db: Db, userId: string, ip: string, now: Date): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = newSecret();
  const sessionId = newId();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await db.insert(sessions).values({ sessionId, userId, tokenHash: hashSecret(token), createdAt: now, lastSeenAt: now, expiresAt, ip });
  return { token, sessionId, expiresAt };
}

/** The live session a bearer token names, or null when it is unknown, revoked, idle too long or expired. */
export async function findSession(db: Db, token: string, now: Date): Promise<SessionIdentity | null> {
  const [row] = await db.select().from(sessions).where(eq(sessions.tokenHash, hashSecret(token))).limit(1);
  if (!row || row.revokedAt !== null) return null;
  if (row.expiresAt.getTime() <= now.getTime()) return null;
  if (row.lastSeenAt.getTime() + SESSION_IDLE_MS <= now.getTime()) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_AFTER_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.sessionId, row.sessionId));
  }
  return { userId: row.userId, sessionId: row.sessionId };
}

export async function revokeSession(db: Db, sessionId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.sessionId, sessionId), isNull(sessions.revokedAt)));
}

/** Ends every session of the user except `keep` (after a password change). Returns how many ended. */
export async function revokeOtherSessions(db: Db, userId: string, keep: string, now: Date): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), ne(sessions.sessionId, keep), isNull(sessions.revokedAt)))
    .returning({ sessionId: sessions.sessionId });
  return ended.length;
}
