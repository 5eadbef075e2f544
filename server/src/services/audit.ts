import type { Db } from '../store/db';
import { auditLog } from '../store/schema';

export interface AuditEntry {
  /** The user ID, or `ops:<name>` for an operator command. */
  actorUserId: string;
  sessionId: string | null;
  /** `domain.verb`, e.g. `account.register`, `member.terminate`. */
  action: string;
  /** What was written, e.g. `user:jdoe01`, `group:1234`, `member:300000001`. */
  target: string;
  /** What changed, never secrets or whole SSNs. */
  detail?: Record<string, unknown>;
  ip: string | null;
  /** The service clock's instant; defaults to the wall clock. */
  at?: Date;
}

/**
 * Records who did what, when and from which session. Call it with the transaction that makes the
 * write, so the row exists exactly when the write does.
 */
export async function recordAudit(tx: Db, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actor: entry.actorUserId,
    sessionId: entry.sessionId,
    action: entry.action,
    target: entry.target,
    detail: entry.detail ?? {},
    ip: entry.ip,
    at: entry.at ?? new Date(),
  });
}
