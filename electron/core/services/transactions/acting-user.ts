import type { Database } from 'better-sqlite3';
import { statement } from '../../store/statements';

/**
 * Who submits a transaction: the signed-in user of the plan service (the sandbox signs in as its own
 * administrator). Before any sign-in reached this store, the one user it knows, else a plain label.
 */
export function actingUserId(db: Database): string {
  const login = statement(
    db,
    `SELECT coalesce((SELECT u.login FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = 1), (SELECT login FROM users ORDER BY id LIMIT 1))`,
  )
    .pluck()
    .get() as string | null;
  return login ?? 'this computer';
}
