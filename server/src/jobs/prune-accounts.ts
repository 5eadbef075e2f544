import { lt } from 'drizzle-orm';
import type { Db } from '../store/db';
import { accessCodeAttempts, billPayProofFailures, emailVerifications, lockouts, loginAttempts, sessions } from '../store/schema';

const DAY_MS = 24 * 3_600_000;
/**
 * Sign-in, access-code and Bill Pay proof attempts stay a month for security review; lockout
 * decisions look back 15 minutes only.
 */
export const LOGIN_ATTEMPT_RETENTION_MS = 30 * DAY_MS;
/** Ended sessions stay 90 days so the audit log's session IDs can still be traced to an address. */
export const SESSION_RETENTION_MS = 90 * DAY_MS;
export const VERIFICATION_RETENTION_MS = 30 * DAY_MS;

export interface Pruned {
  loginAttempts: number;
  sessions: number;
  verifications: number;
  lockouts: number;
  accessCodeAttempts: number;
  billPayProofFailures: number;
}

/** Deletes sign-in records past their retention; nothing that is still in force is touched. */
export async function pruneAccounts(db: Db, now: Date): Promise<Pruned> {
  const before = (ms: number) => new Date(now.getTime() - ms);
  return db.transaction(async (tx) => ({
    loginAttempts: (await tx.delete(loginAttempts).where(lt(loginAttempts.at, before(LOGIN_ATTEMPT_RETENTION_MS))).returning({ id: loginAttempts.id })).length,
    sessions: (await tx.delete(sessions).where(lt(sessions.expiresAt, before(SESSION_RETENTION_MS))).returning({ id: sessions.sessionId })).length,
    verifications: (await tx.delete(emailVerifications).where(lt(emailVerifications.expiresAt, before(VERIFICATION_RETENTION_MS))).returning({ id: emailVerifications.id })).length,
    lockouts: (await tx.delete(lockouts).where(lt(lockouts.lockedUntil, now)).returning({ subject: lockouts.subject })).length,
    accessCodeAttempts: (await tx.delete(accessCodeAttempts).where(lt(accessCodeAttempts.at, before(LOGIN_ATTEMPT_RETENTION_MS))).returning({ id: accessCodeAttempts.id })).length,
    billPayProofFailures: (await tx.delete(billPayProofFailures).where(lt(billPayProofFailures.at, before(LOGIN_ATTEMPT_RETENTION_MS))).returning({ id: billPayProofFailures.id })).length,
  }));
}

/**
 * Runs `pruneAccounts` every `intervalMs` while the service runs. The timer does not keep the
 * process alive, and a failed pass is logged and retried at the next tick.
 */
export function schedulePruning(db: Db, now: () => Date, log: (error: Error) => void, intervalMs = 3_600_000): () => void {
  const timer = setInterval(() => {
    pruneAccounts(db, now()).catch((error: Error) => log(error));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
