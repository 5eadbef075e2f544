import { fieldContext } from '../field-cipher';
import { statement } from '../statements';
import { deleteSetting, readSetting, writeSetting } from './settings-repository';
import type { Store } from '../store';

/** The signed-in session as this computer keeps it: the token only ever encrypted at rest. */
export interface StoredSession {
  userRef: number;
  login: string;
  name: string;
  email: string;
  serviceUrl: string;
  token: string;
  expiresAt: string;
}

interface SessionRow {
  user_id: number;
  login: string;
  display_name: string;
  email: string;
  service_url: string;
  token_encrypted: Buffer;
  expires_at: string;
}

/** The one session row's token: bound to its column, so no other encrypted value can stand in for it. */
const tokenContext = fieldContext('sessions', 'token_encrypted', '1');

export function readSession(store: Store): StoredSession | null {
  const row = statement(
    store.db,
    `SELECT s.user_id, u.login, u.display_name, u.email, s.service_url, s.token_encrypted, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = 1`,
  ).get() as SessionRow | undefined;
  if (row === undefined) return null;
  let token: string;
  try {
    token = store.cipher.decrypt(row.token_encrypted, tokenContext);
  } catch {
    // Another key (a restored file, a new keychain entry): the token is lost, the user signs in again.
    return null;
  }
  return { userRef: row.user_id, login: row.login, name: row.display_name, email: row.email, serviceUrl: row.service_url, token, expiresAt: row.expires_at };
}

export function writeSession(store: Store, session: { userRef: number; serviceUrl: string; token: string; expiresAt: string }, now: string): void {
  statement(
    store.db,
    `INSERT INTO sessions (id, user_id, service_url, token_encrypted, expires_at, created_at) VALUES (1, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET user_id = excluded.user_id, service_url = excluded.service_url, token_encrypted = excluded.token_encrypted,
       expires_at = excluded.expires_at, created_at = excluded.created_at`,
  ).run(session.userRef, session.serviceUrl, store.cipher.encrypt(session.token, tokenContext), session.expiresAt, now);
}

export function clearSession(store: Store): void {
  statement(store.db, 'DELETE FROM sessions').run();
}

/** Whether a session is kept here (cheap: no decryption), e.g. for the screen lock's gate. */
export function hasSession(store: Store): boolean {
  return statement(store.db, 'SELECT EXISTS (SELECT 1 FROM sessions WHERE id = 1)').pluck().get() === 1;
}

/**
 * The screen lock's hash is kept under the data key like the token: a copy of the file alone gives
 * nothing to run a password guesser against. The column is TEXT, so the sealed value is written as
 * `sealed:<base64>`; a hash in the clear (`scrypt$…`) was written before, and is sealed on open.
 */
const unlockHashContext = fieldContext('sessions', 'unlock_hash', '1');
const sealedPrefix = 'sealed:';

/** The screen lock's password hash of the current session (session/unlock-hash.ts), null if it has none or it cannot be read. */
export function readUnlockHash(store: Store): string | null {
  const stored = (statement(store.db, 'SELECT unlock_hash FROM sessions WHERE id = 1').pluck().get() as string | null | undefined) ?? null;
  if (stored === null || !stored.startsWith(sealedPrefix)) return stored;
  try {
    return store.cipher.decrypt(Buffer.from(stored.slice(sealedPrefix.length), 'base64'), unlockHashContext);
  } catch {
    // Another key: like the token, the hash is lost and the user signs in again to use the lock.
    return null;
  }
}

export function writeUnlockHash(store: Store, hash: string): void {
  statement(store.db, 'UPDATE sessions SET unlock_hash = ? WHERE id = 1').run(sealedPrefix + store.cipher.encrypt(hash, unlockHashContext).toString('base64'));
}

/** Seals a hash an earlier version left in the clear; run on every open, a no-op once done. */
export function sealClearUnlockHash(store: Store): void {
  const stored = statement(store.db, 'SELECT unlock_hash FROM sessions WHERE id = 1').pluck().get() as string | null | undefined;
  if (typeof stored === 'string' && !stored.startsWith(sealedPrefix)) writeUnlockHash(store, stored);
}

/** Settings key `planService`: the remote plan service chosen in Settings; absent means the sandbox. */
export const readPlanServiceSetting = (store: Store): { url: string } | null => readSetting(store, 'planService');

export function writePlanServiceSetting(store: Store, setting: { url: string } | null, now: string): void {
  writeSetting(store, 'planService', setting, now);
}

/**
 * Removes every replicated group (members, outbox, drafts, notifications of them cascade; their
 * tallies, which have no foreign key, are deleted too) and the users (their cached access requests
 * cascade) and the debit authorizations read from the service. `accessRefreshedAt` goes too: the next account sync is a first one, whose groups are
 * the user's existing access rather than news.
 */
export function clearReplica(store: Store): void {
  store.db.transaction(() => {
    statement(store.db, 'DELETE FROM groups').run();
    statement(store.db, 'DELETE FROM member_tallies').run();
    statement(store.db, 'DELETE FROM sessions').run();
    statement(store.db, 'DELETE FROM remote_pending').run();
    statement(store.db, 'DELETE FROM users').run();
    // Another service's debit authorizations are not this one's.
    statement(store.db, 'DELETE FROM payment_authorizations').run();
    deleteSetting(store, 'accessRefreshedAt');
  })();
}

/**
 * Removes one group the user can no longer see with everything of it here: members, coverage,
 * outbox rows, drafts, notifications, held remote rows and the cursor cascade from `groups`; the
 * tallies (kept by triggers, no foreign key) are left at zero and go too. Each group's data is
 * kept apart, and a lost group's is not kept at all. Runs in the caller's transaction.
 */
export function removeGroupReplica(store: Store, groupNumber: string): void {
  statement(store.db, 'DELETE FROM groups WHERE group_number = ?').run(groupNumber);
  statement(store.db, 'DELETE FROM member_tallies WHERE group_number = ?').run(groupNumber);
}
