import type { Database } from 'better-sqlite3';

/**
 * Connection settings for every open (they are per connection, not stored in the file except WAL).
 * WAL lets readers run while a sync writes; NORMAL is durable across app crashes in WAL mode and
 * only risks the last commit on power loss, which the next sync restores from the plan.
 */
export function applyPragmas(db: Database): void {
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  // An in-memory database answers `memory`; a file that cannot switch to WAL would silently lose
  // the concurrency the worker relies on, so say so.
  if (mode !== 'wal' && mode !== 'memory') throw new Error(`The database could not switch to WAL mode (journal_mode=${String(mode)})`);
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // 64 MB of page cache (default 2 MB): a 250,000-member roster's indexes fit, so bulk loads and
  // paging do not re-read pages from disk.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  // Reads through a memory map of the file's first 256 MB instead of a read call copying each page:
  // a 250,000-member roster download visits the whole members table out of its physical order, and
  // the copies were a sixth of its reading time. Writes still go through the WAL.
  db.pragma('mmap_size = 268435456');
  // A deleted row (a signed-out session's token, a removed group's members) is overwritten with
  // zeros instead of lingering in free pages, where a copy of the file would still show it.
  db.pragma('secure_delete = ON');
}
