import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { aesGcmField } from '../crypto/aes-gcm-field';

/**
 * SSNs are encrypted at rest with AES-256-GCM (docs/architecture.md#storage, crypto/aes-gcm-field.ts):
 * equal SSNs do not give equal ciphertexts. The last four digits are stored separately for masking and search.
 */
export interface SsnCipher {
  /** Bound to the member it belongs to (crypto/aes-gcm-field.ts): it opens in that member's row only. */
  encrypt(ssn: string, memberId: string): Uint8Array;
  decrypt(stored: Uint8Array, memberId: string): string;
  /** HMAC-SHA256 of the SSN under a key derived from this one: equal SSNs, equal fingerprints. */
  fingerprint(ssn: string): Uint8Array;
}

export function ssnCipher(key: Uint8Array): SsnCipher {
  if (key.length !== 32) throw new RangeError('The SSN key must be 32 bytes (AES-256)');
  const field = aesGcmField(key);
  // A separate key for fingerprints (RFC 5869 HKDF), so no value is used with one key for two purposes.
  const fingerprintKey = Buffer.from(hkdfSync('sha256', key, new Uint8Array(0), 'groupdesk ssn fingerprint v1', 32));
  return {
    fingerprint: (ssn) => createHmac('sha256', fingerprintKey).update(ssn, 'utf8').digest(),
    encrypt: (ssn, memberId) => field.seal(ssn, `members.ssn:${memberId}`),
    decrypt: (stored, memberId) => field.open(stored, `members.ssn:${memberId}`),
  };
}

/**
 * The key comes from `SSN_KEY` (64 hex characters or base64 of 32 bytes) or the file `SSN_KEY_FILE`
 * names when the operator manages it (production must: config.ts), otherwise from `<dataDir>/ssn.key`,
 * created on first start readable by its owner only (0600). Without any (an in-memory service,
 * tests) a random key lives as long as the process.
 */
export async function loadSsnKey(options: { env?: string | undefined; file?: string | undefined; dataDir?: string | undefined }): Promise<Uint8Array> {
  if (options.env) return parseKey(options.env, 'SSN_KEY');
  // An operator's file is only read: a missing one is a mistake to report, never a reason to make a new key.
  if (options.file) return parseKey((await readFile(options.file, 'utf8')).trim(), options.file);
  if (!options.dataDir) return randomBytes(32);
  const file = path.join(options.dataDir, 'ssn.key');
  try {
    return parseKey((await readFile(file, 'utf8')).trim(), file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const key = randomBytes(32);
  await mkdir(options.dataDir, { recursive: true });
  // `wx`: two instances starting at once must not overwrite each other's key; the loser reads it.
  try {
    await writeFile(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    await chmod(file, 0o600);
    return key;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return parseKey((await readFile(file, 'utf8')).trim(), file);
  }
}

function parseKey(text: string, source: string): Uint8Array {
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new RangeError(`${source} must hold a 32-byte key as 64 hex characters or base64`);
  return key;
}
