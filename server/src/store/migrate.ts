import { migrations, type Migration } from './migrations';

export interface ScriptQuery {
  /** Runs a whole SQL script (several statements, no parameters). */
  exec(text: string): Promise<void>;
  query<T>(text: string, params: unknown[]): Promise<T[]>;
}
/** Runs `work` inside one transaction on one connection. */
export type ScriptRunner = <T>(work: (q: ScriptQuery) => Promise<T>) => Promise<T>;

/** Any 64-bit constant works; it only has to be the same in every instance of the service. */
const MIGRATION_LOCK_KEY = 7_361_522_004;

/**
 * Applies every pending migration, in order, in one transaction: either the database reaches the
 * newest schema or it stays as it was. A transaction-scoped advisory lock makes a second instance
 * starting at the same moment wait and then find nothing left to do. A database that has applied
 * a migration this build does not know was written by a newer service and is refused.
 */
export async function migrate(run: ScriptRunner, list: readonly Migration[] = migrations): Promise<string[]> {
  return run(async (q) => {
    await q.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await q.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
    const applied = await q.query<{ version: number; name: string }>('SELECT version, name FROM schema_migrations ORDER BY version', []);
    const known = new Set(list.map((m) => m.version));
    const unknown = applied.filter((row) => !known.has(row.version));
    if (unknown.length > 0) {
      const names = unknown.map((row) => `${row.version} ${row.name}`).join(', ');
      throw new Error(`The database has migrations this plan service does not know (${names}); it was written by a newer version. Upgrade the service.`);
    }
    const done = new Set(applied.map((row) => row.version));
    const pending = list.filter((m) => !done.has(m.version));
    for (const migration of pending) {
      await q.exec(migration.sql);
      await q.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
    }
    return pending.map((m) => m.name);
  });
}
