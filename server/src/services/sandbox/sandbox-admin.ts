import { and, eq } from 'drizzle-orm';
import type { Db } from '../../store/db';
import { groupUsers, users } from '../../store/schema';
import { recordAudit } from '../audit';
import { hashPassword } from '../accounts/password-hash';
import { createSession, findSession } from '../accounts/sessions';
import { newSecret } from '../accounts/tokens';
import { grantRole } from '../groups/grant-role';
import type { Actor } from '../groups/create-group';

/**
 * The one account of the desktop's embedded sandbox plan: the desktop signs in as it without a
 * password (the embedded service hands its core a session), so nobody has to register to try the app.
 */
export const SANDBOX_ADMIN = { userId: 'sandbox.admin', name: 'Sandbox Administrator', email: 'sandbox.admin@example.com' } as const;

const actor: Actor = { actorUserId: 'ops:sandbox', sessionId: null, ip: null };
/** The embedded service listens on loopback only; its one client is the desktop's core. */
const LOOPBACK = '127.0.0.1';

export interface SandboxAdminResult {
  /** True when this call created the account (the first start). */
  created: boolean;
  /** Groups where this call granted primary_admin; empty when every grant was already there. */
  granted: string[];
}

/**
 * Makes sure the sandbox administrator exists, with a verified e-mail, and is primary_admin of each
 * group. Idempotent: a later start changes nothing and writes no audit rows or feed entries. Its
 * password is a random secret nobody ever sees, so the account cannot be signed into with one.
 */
export async function ensureSandboxAdmin(db: Db, groupNumbers: readonly string[], now: Date): Promise<SandboxAdminResult> {
  const [existing] = await db.select({ userId: users.userId }).from(users).where(eq(users.userId, SANDBOX_ADMIN.userId)).limit(1);
  let created = false;
  if (!existing) {
    // Hashed before the transaction: argon2 takes ~30 ms and needs no lock.
    const passwordHash = await hashPassword(newSecret());
    created = await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(users)
        .values({ userId: SANDBOX_ADMIN.userId, passwordHash, name: SANDBOX_ADMIN.name, email: SANDBOX_ADMIN.email, emailVerifiedAt: now, passwordChangedAt: now, createdAt: now })
        .onConflictDoNothing()
        .returning({ userId: users.userId });
      if (inserted.length === 0) return false;
      await recordAudit(tx, { ...actor, action: 'sandbox.create_admin', target: `user:${SANDBOX_ADMIN.userId}`, at: now });
      return true;
    });
  }
  const granted: string[] = [];
  for (const groupNumber of groupNumbers) {
    const [held] = await db
      .select({ role: groupUsers.role })
      .from(groupUsers)
      .where(and(eq(groupUsers.userId, SANDBOX_ADMIN.userId), eq(groupUsers.groupNumber, groupNumber)))
      .limit(1);
    if (held?.role === 'primary_admin') continue;
    // grantRole audits and appends to the group's feed; it must be the transaction's last step.
    await db.transaction((tx) => grantRole(tx, { userId: SANDBOX_ADMIN.userId, groupNumber, role: 'primary_admin' }, actor, now));
    granted.push(groupNumber);
  }
  return { created, granted };
}

/**
 * Signs the sandbox administrator in for one run of the desktop: a new session whose token goes to
 * the desktop's core, audited like a password sign-in (`session.create`).
 */
export async function openSandboxSession(db: Db, now: Date): Promise<{ token: string; sessionId: string }> {
  return db.transaction(async (tx) => {
    const session = await createSession(tx, SANDBOX_ADMIN.userId, LOOPBACK, now);
    await recordAudit(tx, { actorUserId: SANDBOX_ADMIN.userId, sessionId: session.sessionId, action: 'session.create', target: `user:${SANDBOX_ADMIN.userId}`, detail: { via: 'sandbox' }, ip: LOOPBACK, at: now });
    return { token: session.token, sessionId: session.sessionId };
  });
}

/**
 * Marks the sandbox session as used, so it does not end for idleness (SESSION_IDLE_MS) while the
 * desktop runs: the core can go quiet for hours behind one open live-update stream, and a session
 * that ended would leave the sandbox signed out, with no password to sign in again. False when the
 * session has already ended.
 */
export async function touchSandboxSession(db: Db, token: string, now: Date): Promise<boolean> {
  return (await findSession(db, token, now)) !== null;
}
