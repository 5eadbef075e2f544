import { accessRequest, type AccessRequest } from '@shared/plan-api/access-requests';
import type { AccessOverview } from '@shared/contract/methods/account';
import { statement } from '../statements';
import type { Store } from '../store';

/**
 * The signed-in user's primary-administrator requests as last read from the plan, so Access shows
 * them offline. `refreshedAt` is kept in settings as `accessRefreshedAt`.
 */
export function saveAccessRequests(store: Store, userRef: number, requests: readonly AccessRequest[], now: string, options: { replace: boolean }): void {
  store.db.transaction(() => {
    if (options.replace) statement(store.db, 'DELETE FROM access_requests WHERE user_id = ?').run(userRef);
    for (const request of requests) {
      statement(
        store.db,
        `INSERT INTO access_requests (confirmation_number, user_id, request, submitted_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (confirmation_number) DO UPDATE SET user_id = excluded.user_id, request = excluded.request, submitted_at = excluded.submitted_at`,
      ).run(request.confirmationNumber, userRef, JSON.stringify(request), request.submittedAt);
    }
    if (options.replace)
      statement(store.db, `INSERT INTO settings (key, value, updated_at) VALUES ('accessRefreshedAt', ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`).run(
        JSON.stringify(now),
        now,
      );
  })();
}

export function readAccessOverview(store: Store, userRef: number | null): AccessOverview {
  if (userRef === null) return { requests: [], refreshedAt: null };
  const rows = statement(store.db, 'SELECT request FROM access_requests WHERE user_id = ? ORDER BY submitted_at DESC').pluck().all(userRef) as string[];
  const requests = rows.flatMap((row) => {
    const parsed = accessRequest.safeParse(JSON.parse(row));
    return parsed.success ? [parsed.data] : [];
  });
  const refreshed = statement(store.db, `SELECT value FROM settings WHERE key = 'accessRefreshedAt'`).pluck().get() as string | undefined;
  return { requests, refreshedAt: refreshed === undefined ? null : (JSON.parse(refreshed) as string) };
}
