import { randomBytes } from 'node:crypto';
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const KEY_FILE = 'groupdesk.key';
const KEY_BYTES = 32;

/**
 * The browser host's data-encryption key (SSNs and bank numbers are encrypted with it). Electron keeps
 * its key in the OS keychain via safeStorage; a browser host has no keychain, so the key lives in a file
 * only the user can read (0600), created once with the `wx` flag so two launches cannot race.
 */
export function loadOrCreateKey(dataDir: string): Buffer {
  const file = path.join(dataDir, KEY_FILE);
  try {
    writeFileSync(file, randomBytes(KEY_BYTES).toString('base64') + '\n', { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
  }
  // Tighten a key file whose mode was loosened by hand or by a copy.
  if ((statSync(file).mode & 0o077) !== 0 && process.platform !== 'win32') chmodSync(file, 0o600);
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== KEY_BYTES) throw new Error(`The key file ${file} is damaged (expected ${KEY_BYTES} bytes). Restore it from a backup; without it encrypted fields cannot be read.`);
  return key;
}
