import { sql } from 'drizzle-orm';
import type { AccountAnnouncement } from '@shared/plan-api/accounts';
import type { Db } from '../../store/db';
import { changesChannel } from '../changes/append';

/**
 * Tells the user's own streams (GET /v1/me/stream) that their access changed, so their desktop
 * re-reads GET /v1/me and their access requests at once instead of at the next full sync. It rides
 * the change feed's channel with a payload of its own (`{"u":user,"r":reason}`, told apart by the
 * notifier) and, being a `pg_notify` inside the caller's transaction, is delivered only if and when
 * that transaction commits — never for a grant that was rolled back.
 */
export async function announceToUser(tx: Db, userId: string, reason: AccountAnnouncement['reason']): Promise<void> {
  await tx.execute(sql`SELECT pg_notify(${changesChannel}, json_build_object('u', ${userId}::text, 'r', ${reason}::text)::text)`);
}

/**
 * Tells every instance's event streams that these sessions ended (signed out, or by a password
 * change), so a stream opened with one stops at once instead of hearing announcements on a token
 * that no longer works. Like the above, delivered only when the caller's transaction commits.
 */
export async function announceSessionsEnded(tx: Db, sessionIds: readonly string[]): Promise<void> {
  for (const sessionId of sessionIds) {
    await tx.execute(sql`SELECT pg_notify(${changesChannel}, json_build_object('e', ${sessionId}::text)::text)`);
  }
}
