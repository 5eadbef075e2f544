import type { Database } from 'better-sqlite3';
import { statement } from '../../store/statements';

const maxEntries = 64;
const caches = new WeakMap<Database, { changes: number; counts: Map<string, number> }>();

/**
 * Remembers roster totals while the data stays the same: scrolling fetches page after page with the
 * same filters, and the total need not be summed again for each. `total_changes()` counts every row
 * this connection wrote (triggers included); the core's worker holds the store's only connection,
 * so an unchanged number means unchanged members.
 */
export function cachedCount(db: Database, sql: string, params: Record<string, unknown>): number {
  const changes = Number(statement(db, 'SELECT total_changes()').pluck().get());
  let cache = caches.get(db);
  if (cache === undefined || cache.changes !== changes) {
    cache = { changes, counts: new Map() };
    caches.set(db, cache);
  }
  const key = `${sql}\u0000${JSON.stringify(params)}`;
  let count = cache.counts.get(key);
  if (count === undefined) {
    count = Number(statement(db, sql).pluck().get(params));
    if (cache.counts.size >= maxEntries) cache.counts.delete(cache.counts.keys().next().value ?? key);
    cache.counts.set(key, count);
  }
  return count;
}
