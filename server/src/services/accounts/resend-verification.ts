import { eq } from 'drizzle-orm';
import type { Db } from '../../store/db';
import { users } from '../../store/schema';
import { recordAudit } from '../audit';
import { issueVerification, MAX_VERIFICATION_MAILS_PER_DAY, verificationsSentSince, type IssuedVerification } from './verification';

const DAY_MS = 24 * 3_600_000;

/**
 * A fresh verification for a user still waiting for one, within the daily cap; null otherwise
 * (unknown, already verified, or capped), which the route answers exactly like a success.
 */
export async function resendVerification(
  db: Db,
  userId: string,
  origin: { ip: string | null; now: Date },
): Promise<{ user: { email: string; name: string }; issued: IssuedVerification } | null> {
  const [user] = await db.select().from(users).where(eq(users.userId, userId)).limit(1);
  if (!user || user.emailVerifiedAt) return null;
  if ((await verificationsSentSince(db, userId, new Date(origin.now.getTime() - DAY_MS))) >= MAX_VERIFICATION_MAILS_PER_DAY) return null;
  const issued = await db.transaction(async (tx) => {
    const next = await issueVerification(tx, userId, origin.now);
    await recordAudit(tx, { actorUserId: userId, sessionId: null, action: 'account.resend_verification', target: `user:${userId}`, ip: origin.ip, at: origin.now });
    return next;
  });
  return { user, issued };
}
