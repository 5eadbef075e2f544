import { accessRequest, type AccessRequest } from '@shared/plan-api/access-requests';
import type { AccessOverview } from '@shared/contract/methods/account';
import { statement } from '../statements';
import { readSetting, writeSetting } from './settings-repository';
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
      writeSetting(store, 'accessRefreshedAt', now, now);
  })();
}

export function readAccessOverview(store: Store, userRef: number | null): AccessOverview {
  if (userRef === null) return { requests: [], refreshedAt: null };
  const rows = statement(store.db, 'SELECT request FROM access_requests WHERE user_id = ? ORDER BY submitted_at DESC').pluck().all(userRef) as string[];
  const requests = rows.flatMap((row) => {
    const parsed = accessRequest.safeParse(JSON.parse(row));
    return parsed.success ? [parsed.data] : [];
  });
  return { requests, refreshedAt: readSetting(store, 'accessRefreshedAt') };
}
