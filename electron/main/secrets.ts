import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SafeStorage } from 'electron';

/** AES-256-GCM in the core: a 32-byte key. */
export const DATA_KEY_BYTES = 32;
/** The key, encrypted by the OS keychain through safeStorage. */
export const PROTECTED_KEY_FILE = 'data-key.safe';
/** The key in the clear (0600), only where the OS offers no protection and the user agreed. */
export const UNPROTECTED_KEY_FILE = 'data-key.unprotected';

/**
 * How well the data key is kept: `os` — by the OS keychain (macOS Keychain, Windows DPAPI, libsecret
 * or KWallet); `weak` — Linux `basic_text`, safeStorage's hard-coded password, no better than a file;
 * `none` — safeStorage is unavailable (docs/electron-host-rules.md#safestorage).
 */
export type KeyProtection = 'os' | 'weak' | 'none';

export interface DataKey {
  key: Buffer;
  protection: KeyProtection;
}

type KeyStorage = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

/** Raised when the key cannot be used; the message tells the user what happened and what to do. */
export class DataKeyError extends Error {
  override name = 'DataKeyError';
}

/**
 * Queries safeStorage's protection — only after ready: before it the answer on Linux and Windows is
 * wrong and the backend reads `unknown`. The async API (Electron ≥ 42) is used because the sync
 * one is deprecated in 45 and the async one reports key rotation.
 */
export async function keyProtection(storage: KeyStorage, platform: NodeJS.Platform = process.platform): Promise<KeyProtection> {
  if (!(await storage.isAsyncEncryptionAvailable())) return 'none';
  if (platform === 'linux') {
    const backend = storage.getSelectedStorageBackend();
    if (backend === 'basic_text' || backend === 'unknown') return 'weak';
  }
  return 'os';
}

export interface LoadDataKeyOptions {
  /** `app.getPath('userData')`. */
  dir: string;
  storage: KeyStorage;
  platform?: NodeJS.Platform;
  /**
   * Asked once, when a new key would be stored without OS protection. The user may decline (GroupDesk
   * then quits without writing anything); their answer is recorded by the key file itself.
   */
  consentToUnprotectedKey: (protection: Exclude<KeyProtection, 'os'>) => Promise<boolean>;
}

/**
 * The key that encrypts SSNs and bank account numbers in the local database (docs/architecture.md#storage):
 * 32 random bytes made once, kept in userData encrypted by safeStorage, decrypted here in main and
 * handed to the core worker (a worker thread is plain Node: no Electron module works there).
 *
 * Where the OS offers no protection the key is not "encrypted" with basic_text's hard-coded password,
 * which would only look safe; it is written in the clear with owner-only permissions, after the user
 * agreed, and upgraded to the keychain on the first launch where one is available. An existing
 * protected key is never replaced: a new key would make every encrypted field unreadable.
 */
export async function loadDataKey(options: LoadDataKeyOptions): Promise<DataKey> {
  const { dir, storage } = options;
  const protection = await keyProtection(storage, options.platform);
  const protectedFile = path.join(dir, PROTECTED_KEY_FILE);
  const unprotectedFile = path.join(dir, UNPROTECTED_KEY_FILE);

  if (existsSync(protectedFile)) {
    if (protection !== 'os') {
      throw new DataKeyError(
        "GroupDesk's data key is kept in this computer's keychain, which is not available right now. Unlock or start the keychain (on Linux: GNOME Keyring or KWallet) and open GroupDesk again.",
      );
    }
    let decrypted: { result: string; shouldReEncrypt: boolean };
    try {
      decrypted = await storage.decryptStringAsync(readFileSync(protectedFile));
    } catch {
      throw new DataKeyError("The keychain could not unlock GroupDesk's data key (was the data folder copied from another user or computer?). Restore the data folder from that account, or move it aside to start fresh.");
    }
    const key = decodeKey(decrypted.result, protectedFile);
    if (decrypted.shouldReEncrypt) writeAtomically(protectedFile, await storage.encryptStringAsync(decrypted.result));
    return { key, protection };
  }

  if (existsSync(unprotectedFile)) {
    const key = decodeKey(readFileSync(unprotectedFile, 'utf8'), unprotectedFile);
    if (protection !== 'os') return { key, protection };
    writeAtomically(protectedFile, await storage.encryptStringAsync(key.toString('base64')));
    rmSync(unprotectedFile);
    return { key, protection };
  }

  const key = randomBytes(DATA_KEY_BYTES);
  if (protection === 'os') {
    writeAtomically(protectedFile, await storage.encryptStringAsync(key.toString('base64')));
  } else {
    if (!(await options.consentToUnprotectedKey(protection))) throw new DataKeyError('GroupDesk did not store a data key because this computer offers no keychain to protect it.');
    writeAtomically(unprotectedFile, `${key.toString('base64')}\n`);
  }
  return { key, protection };
}

function decodeKey(base64: string, file: string): Buffer {
  const key = Buffer.from(base64.trim(), 'base64');
  if (key.length !== DATA_KEY_BYTES) throw new DataKeyError(`GroupDesk's data key file ${file} is damaged. Restore it from a backup; without it encrypted fields cannot be read.`);
  return key;
}

/** Write-then-rename, owner-only: a crash mid-write never leaves half a key behind. */
function writeAtomically(file: string, data: Buffer | string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, data, { mode: 0o600 });
  renameSync(temporary, file);
}
