import Database from 'better-sqlite3';
import { nativeBindingOptions } from './open-store';
import { applyPragmas } from './pragmas';
import type { Store } from './store';

/**
 * A private in-memory copy of the store, for a dry run that spans many turns of the event loop (a
 * file check): it can hold its transaction open while it yields, because no other call shares its
 * connection. A transaction left open on the store's own connection would swallow the writes of
 * every call that runs meanwhile (a sync, a submit) and roll them back with the dry run. The copy
 * has the same rows, triggers and cipher; closing it discards everything.
 */
export function openScratchCopy(store: Store): Store & { close(): void } {
  const db = new Database(store.db.serialize(), nativeBindingOptions());
  applyPragmas(db);
  return { db, cipher: store.cipher, path: ':memory:', close: () => db.close() };
}
