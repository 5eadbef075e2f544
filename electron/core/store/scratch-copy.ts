import Database from 'better-sqlite3';
import { nativeBindingOptions } from './open-store';
import type { Store } from './store';

/**
 * A private in-memory copy of the store, for a dry run that spans many turns of the event loop (a
 * file check): it can hold its transaction open while it yields, because no other call shares its
 * connection. A transaction left open on the store's own connection would swallow the writes of
 * every call that runs meanwhile (a sync, a submit) and roll them back with the dry run. The copy
 * has the same rows, triggers and cipher; closing it discards everything.
 */
export function openScratchCopy(store: Store): Store & { close(): void } {
  const image = store.db.serialize();
  // Header bytes 18 and 19 say WAL; a database in memory has no WAL file, so SQLite would refuse to
  // open it. 1 and 1 are the rollback journal, which memory databases use.
  image[18] = 1;
  image[19] = 1;
  const db = new Database(image, nativeBindingOptions());
  db.pragma('foreign_keys = ON');
  return { db, cipher: store.cipher, path: ':memory:', close: () => db.close() };
}
