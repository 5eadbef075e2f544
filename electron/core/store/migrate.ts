import type { Database } from 'better-sqlite3';
import type { Migration } from './migrations/migration';

/** The file was written by a newer GroupDesk: refuse rather than downgrade, as this app cannot know its schema. */
export class StoreTooNewError extends Error {
  constructor(
    readonly fileVersion: number,
    readonly appVersion: number,
  ) {
    super(`This database has schema version ${fileVersion}, but this GroupDesk only knows up to version ${appVersion}. Install the newer GroupDesk that created it.`);
    this.name = 'StoreTooNewError';
  }
}

export function schemaVersion(db: Database): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Brings the schema up to the last of `migrations`. All pending steps and the version bump run in
 * one transaction, so a failure leaves the file exactly as it was.
 */
export function migrate(db: Database, migrations: readonly Migration[]): { from: number; to: number } {
  assertOrdered(migrations);
  const latest = migrations.at(-1)?.version ?? 0;
  const from = schemaVersion(db);
  if (from > latest) throw new StoreTooNewError(from, latest);
  const pending = migrations.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const step of pending) step.up(db);
    // user_version takes no bound parameter; `latest` is an integer from our own list.
    db.pragma(`user_version = ${latest}`);
  }).immediate();
  return { from, to: latest };
}

function assertOrdered(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} has version ${m.version}; expected ${i + 1} (versions are 1, 2, 3… in order)`);
  });
}
