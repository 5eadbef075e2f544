import { hkdfSync } from 'node:crypto';
import type { KeyHolder } from '@shared/contract/methods/app';
import { memberSsnContext } from './members/member-ssn-context';
import { readSetting, writeSetting } from './repositories/settings-repository';
import { fieldContext } from './field-cipher';
import { statement } from './statements';
import type { Store } from './store';

export type KeyCheck = { ok: true } | { ok: false; writtenBy: KeyHolder | null };

/**
 * A value derived one way from the data key (HKDF with its own purpose): equal only under the same
 * key, and of no help in finding it. Kept in the store, it tells at open whether the key at hand is
 * the one the file was written under, before anything is read or written with the wrong one.
 */
export function keyCheckValue(key: Uint8Array): string {
  return Buffer.from(hkdfSync('sha256', key, new Uint8Array(0), 'groupdesk data key check v1', 32)).toString('base64url');
}

/**
 * Compares the store's key check with this key. A store from before key checks gets one, unless one
 * of its encrypted values (the session token, a member's SSN) does not open under this key: then it
 * was written under another, and is refused like a store whose check differs.
 */
export function checkDataKey(store: Store, key: Uint8Array, holder: KeyHolder | undefined, now: string): KeyCheck {
  const check = keyCheckValue(key);
  const recorded = readSetting(store, 'keyCheck');
  if (recorded !== null) return recorded.check === check ? { ok: true } : { ok: false, writtenBy: recorded.holder ?? null };
  if (!existingValuesOpen(store)) return { ok: false, writtenBy: null };
  writeSetting(store, 'keyCheck', { check, ...(holder === undefined ? {} : { holder }) }, now);
  return { ok: true };
}

function existingValuesOpen(store: Store): boolean {
  const token = statement(store.db, 'SELECT token_encrypted FROM sessions WHERE id = 1').pluck().get() as Buffer | undefined;
  const member = statement(store.db, 'SELECT member_id, ssn_encrypted FROM members WHERE ssn_encrypted IS NOT NULL LIMIT 1').get() as { member_id: string; ssn_encrypted: Buffer } | undefined;
  try {
    if (token !== undefined) store.cipher.decrypt(token, fieldContext('sessions', 'token_encrypted', '1'));
    if (member !== undefined) store.cipher.decrypt(member.ssn_encrypted, memberSsnContext(member.member_id));
    return true;
  } catch {
    return false;
  }
}

const holderWords: Record<KeyHolder, string> = {
  desktop: 'the GroupDesk desktop app, which keeps its data key in this computer’s keychain',
  browser: 'GroupDesk in the browser (npm run web), which keeps its data key in the file groupdesk.key of the folder it was started with',
};

/** What the user reads: which app wrote the file and what to do, in the words of the app that cannot open it. */
export function wrongKeyDetail(writtenBy: KeyHolder | null, holder: KeyHolder | undefined): string {
  const who = writtenBy === null ? 'another GroupDesk on this computer (the desktop app or npm run web), or it was restored without the key it was written with' : holderWords[writtenBy];
  const elsewhere =
    holder === 'browser' ? ' To use GroupDesk in the browser beside it, give it a folder of its own with npm run web -- --data-dir DIR.' : holder === 'desktop' ? ' The desktop app always uses its own folder: if the file was copied here, put it back where it came from.' : '';
  return `This data was written by ${who}. It cannot be read with this app’s key, so it was not opened and nothing in it was changed. Open it with the app that wrote it.${elsewhere}`;
}
