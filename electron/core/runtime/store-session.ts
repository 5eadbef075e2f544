import { ContractFailure } from '@shared/contract';
import type { KeyHolder, StoreState } from '@shared/contract/methods/app';
import { createFieldCipher, type FieldCipher } from '../store/field-cipher';
import { checkDataKey, wrongKeyDetail } from '../store/key-check';
import { openStore } from '../store/open-store';
import { sealClearUnlockHash } from '../store/repositories/session-store';
import { setStoreAside } from '../store/set-aside';
import type { Store } from '../store/store';

export interface StoreSessionOptions {
  dataDir: string;
  encryptionKey: Uint8Array;
  nativeBinding?: string | undefined;
  /** Which app holds `encryptionKey`: recorded in a new store, and named to the user of the other. */
  keyHolder?: KeyHolder | undefined;
  now(): string;
  onStateChange(state: StoreState): void;
}

/** The store the core is using, or why there is none: the only holder of the connection. */
export class StoreSession {
  private current: Store | null = null;
  private currentState: StoreState = { state: 'unwritable', path: '', detail: 'The store has not been opened yet.' };
  private readonly cipher: FieldCipher;

  constructor(private readonly options: StoreSessionOptions) {
    this.cipher = createFieldCipher(options.encryptionKey);
  }

  get state(): StoreState {
    return this.currentState;
  }

  get store(): Store | null {
    return this.current;
  }

  open(): StoreState {
    const opened = openStore({ dataDir: this.options.dataDir, ...(this.options.nativeBinding === undefined ? {} : { nativeBinding: this.options.nativeBinding }) });
    if (opened.db === null) {
      this.current = null;
      this.setState(opened.state);
      return opened.state;
    }
    const store: Store = { db: opened.db, cipher: this.cipher, path: opened.path };
    const key = checkDataKey(store, this.options.encryptionKey, this.options.keyHolder, this.options.now());
    if (!key.ok) {
      // Nothing is written with a key the file was not made with: closed untouched.
      opened.db.close();
      this.current = null;
      const state: StoreState = { state: 'wrong_key', path: opened.path, writtenBy: key.writtenBy, detail: wrongKeyDetail(key.writtenBy, this.options.keyHolder) };
      this.setState(state);
      return state;
    }
    sealClearUnlockHash(store);
    this.current = store;
    this.setState(opened.state);
    return opened.state;
  }

  /**
   * Sets an unusable store aside and opens a fresh one. Refused while the store works (that would
   * hide the user's data for nothing) and when the folder is unwritable (nothing can be moved).
   */
  startFresh(now: Date): { movedTo: string; store: StoreState } {
    const state = this.currentState;
    if (state.state === 'ready') throw new ContractFailure('RULE', 'The database is working; there is nothing to set aside.');
    if (state.state === 'unwritable') throw new ContractFailure('RULE', `${state.detail} Starting fresh needs a writable data folder.`);
    let movedTo: string;
    try {
      movedTo = setStoreAside(this.options.dataDir, now);
    } catch (error) {
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown error';
      throw new ContractFailure('RULE', `The old database could not be moved aside (${code}). Close other programs that may use it and try again.`);
    }
    return { movedTo, store: this.open() };
  }

  /** Marks a store that failed under a query as corrupt, closing it (SQLITE_CORRUPT mid-session). */
  markCorrupt(detail: string): void {
    if (this.current === null) return;
    const path = this.current.path;
    this.closeConnection();
    this.setState({ state: 'corrupt', path, detail });
  }

  /** Folds the WAL into the database file and closes it, so the file alone is complete. */
  close(): void {
    const db = this.current?.db;
    if (db !== undefined && db.open) {
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } finally {
        db.close();
      }
    }
    this.current = null;
  }

  private closeConnection(): void {
    try {
      this.current?.db.close();
    } catch {
      // A corrupt file may fail to close cleanly; the connection is dropped either way.
    }
    this.current = null;
  }

  private setState(state: StoreState): void {
    const changed = JSON.stringify(state) !== JSON.stringify(this.currentState);
    this.currentState = state;
    if (changed) this.options.onStateChange(state);
  }
}
