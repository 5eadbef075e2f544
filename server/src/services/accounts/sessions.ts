import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Role } from '@shared/contract/roles';
import type { Db } from '../../store/db';
import { groupUsers, sessions } from '../../store/schema';
import { announceSessionsEnded } from './announce';
import { hashSecret, newId, newSecret } from './tokens';
import { ROLES_REQUIRING_TWO_FACTOR } from './two-factor/policy';

/** A session ends after this long without use… */
export const SESSION_IDLE_MS = 12 * 60 * 60 * 1000;
/** …and in any case this long after sign-in, so a stolen token cannot live forever. */
export const SESSION_ABSOLUTE_MS = 7 * 24 * 60 * 60 * 1000;
/** Writing last_seen_at on every request would turn each read into a write; a minute is precise enough. */
const TOUCH_AFTER_MS = 60 * 1000;

export interface SessionIdentity {
  userId: string;
  sessionId: string;
  /** When the session ends whatever else happens; an event stream it opened is ended then. */
  expiresAt: Date;
  /** Set while the session reaches only two-step sign-in enrollment (api/limited-session.ts). */
  limitedTo?: 'two_factor_enrollment' | null;
  /**
   * The user holds a role `required-for-admins` covers and has not turned two-step sign-in on: read
   * on every request, so a role granted after sign-in limits the session at once (two-factor/policy.ts).
   */
  twoFactorOwed?: boolean;
}

export async function createSession(db: Db, userId: string, ip: string, now: Date, limitedTo: 'two_factor_enrollment' | null = null): Promise<{ token: string; sessionId: string; expiresAt: Date }> {
  const token = newSecret();
  const sessionId = newId();
  const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS);
  await db.insert(sessions).values({ sessionId, userId, tokenHash: hashSecret(token), createdAt: now, lastSeenAt: now, expiresAt, ip, limitedTo });
  return { token, sessionId, expiresAt };
}

// Two primary-key lookups: any group where the user holds a covered role, and whether their two-step sign-in is on.
const twoFactorOwedSql = sql<boolean>`(EXISTS (SELECT 1 FROM group_users owed WHERE owed.user_id = ${sessions.userId} AND owed.role IN (${sql.join(
  ROLES_REQUIRING_TWO_FACTOR.map((role) => sql`${role}`),
  sql`, `,
)})) AND NOT EXISTS (SELECT 1 FROM two_factor WHERE two_factor.user_id = ${sessions.userId} AND two_factor.enabled_at IS NOT NULL))`;

/** Every authenticated request runs this query, so each database keeps it prepared (parsed and planned once per connection). */
const sessionQueries = new WeakMap<Db, ReturnType<typeof prepareSessionQuery>>();

function prepareSessionQuery(db: Db) {
  return db
    .select({
      sessionId: sessions.sessionId,
      userId: sessions.userId,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
      limitedTo: sessions.limitedTo,
      role: groupUsers.role,
      twoFactorOwed: twoFactorOwedSql,
    })
    .from(sessions)
    .leftJoin(groupUsers, and(eq(groupUsers.userId, sessions.userId), eq(groupUsers.groupNumber, sql.placeholder('group'))))
    .where(eq(sessions.tokenHash, sql.placeholder('hash')))
    .limit(1)
    .prepare('groupdesk_session');
}

/**
 * The live session a bearer token names, or null when it is unknown, revoked, idle too long or
 * expired; with `groupNumber`, also the user's role there (null without one), read in the same query.
 */
export async function findSession(db: Db, token: string, now: Date, groupNumber?: string): Promise<(SessionIdentity & { role: Role | null }) | null> {
  let query = sessionQueries.get(db);
  if (!query) sessionQueries.set(db, (query = prepareSessionQuery(db)));
  // A null group matches no group_users row, so the join adds nothing.
  const [row] = await query.execute({ hash: hashSecret(token), group: groupNumber ?? null });
  if (!row || row.revokedAt !== null) return null;
  if (row.expiresAt.getTime() <= now.getTime()) return null;
  if (row.lastSeenAt.getTime() + SESSION_IDLE_MS <= now.getTime()) return null;
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_AFTER_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.sessionId, row.sessionId));
  }
  return { userId: row.userId, sessionId: row.sessionId, expiresAt: row.expiresAt, limitedTo: row.limitedTo, twoFactorOwed: row.twoFactorOwed === true, role: row.role };
}

export async function revokeSession(db: Db, sessionId: string, now: Date): Promise<void> {
  const ended = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.sessionId, sessionId), isNull(sessions.revokedAt)))
    .returning({ sessionId: sessions.sessionId });
  await announceSessionsEnded(db, ended.map((row) => row.sessionId));
}

/** Ends every session of the user except `keep` (after a password change). Returns how many ended. */
export async function revokeOtherSessions(db: Db, userId: string, keep: string, now: Date): Promise<number> {
  const ended = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), ne(sessions.sessionId, keep), isNull(sessions.revokedAt)))
    .returning({ sessionId: sessions.sessionId });
  await announceSessionsEnded(db, ended.map((row) => row.sessionId));
  return ended.length;
}
