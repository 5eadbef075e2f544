import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { safeStorage, state } from './test-support/fake-electron';
import { DATA_KEY_BYTES, DataKeyError, PROTECTED_KEY_FILE, UNPROTECTED_KEY_FILE, keyProtection, loadDataKey } from './secrets';

vi.mock('electron', async () => (await import('./test-support/fake-electron')).electronModule());

const newDir = (): string => mkdtempSync(path.join(tmpdir(), 'groupdesk-key-'));

function options(dir: string, platform: NodeJS.Platform = 'linux', consent = vi.fn(async () => true)) {
  return { dir, storage: safeStorage as unknown as Electron.SafeStorage, platform, consentToUnprotectedKey: consent };
}

beforeEach(() => {
  state.encryptionAvailable = true;
  state.backend = 'gnome_libsecret';
  vi.clearAllMocks();
});

describe('keyProtection', () => {
  it.each([
    [true, 'gnome_libsecret', 'linux', 'os'],
    [true, 'kwallet6', 'linux', 'os'],
    [true, 'basic_text', 'linux', 'weak'],
    [true, 'unknown', 'linux', 'weak'],
    [true, 'unknown', 'darwin', 'os'],
    [true, 'unknown', 'win32', 'os'],
    [false, 'gnome_libsecret', 'linux', 'none'],
    [false, 'unknown', 'darwin', 'none'],
  ] as const)('available=%s backend=%s on %s → %s', async (available, backend, platform, expected) => {
    state.encryptionAvailable = available;
    state.backend = backend;
    await expect(keyProtection(safeStorage as unknown as Electron.SafeStorage, platform)).resolves.toBe(expected);
  });
});

describe('loadDataKey', () => {
  it('makes 32 random bytes once, encrypted by the keychain, and returns the same key afterwards', async () => {
    const dir = newDir();
    const first = await loadDataKey(options(dir));
    expect(first.protection).toBe('os');
    expect(first.key).toHaveLength(DATA_KEY_BYTES);
    const stored = readFileSync(path.join(dir, PROTECTED_KEY_FILE));
    expect(stored.includes(first.key.toString('base64'))).toBe(true); // the fake "encrypts" by prefixing
    expect(stored.toString().startsWith('fake-os-encrypted:')).toBe(true);
    expect(existsSync(path.join(dir, UNPROTECTED_KEY_FILE))).toBe(false);
    const second = await loadDataKey(options(dir));
    expect(second.key.equals(first.key)).toBe(true);
  });

  it('makes a different key in a different folder', async () => {
    const a = await loadDataKey(options(newDir()));
    const b = await loadDataKey(options(newDir()));
    expect(a.key.equals(b.key)).toBe(false);
  });

  it('on Linux basic_text, asks first and then stores the key in an owner-only file, saying it is weak', async () => {
    state.backend = 'basic_text';
    const dir = newDir();
    const consent = vi.fn(async () => true);
    const key = await loadDataKey(options(dir, 'linux', consent));
    expect(consent).toHaveBeenCalledWith('weak');
    expect(key.protection).toBe('weak');
    expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled(); // basic_text's fixed password would only look safe
    const file = path.join(dir, UNPROTECTED_KEY_FILE);
    expect(readFileSync(file, 'utf8').trim()).toBe(key.key.toString('base64'));
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o077).toBe(0);
    // Asked once: the file records the answer.
    await loadDataKey(options(dir, 'linux', consent));
    expect(consent).toHaveBeenCalledTimes(1);
  });

  it('with safeStorage unavailable, a declined consent writes nothing and fails with an explanation', async () => {
    state.encryptionAvailable = false;
    const dir = newDir();
    await expect(loadDataKey(options(dir, 'darwin', vi.fn(async () => false)))).rejects.toThrow(DataKeyError);
    expect(existsSync(path.join(dir, UNPROTECTED_KEY_FILE))).toBe(false);
    expect(existsSync(path.join(dir, PROTECTED_KEY_FILE))).toBe(false);
  });

  it('moves an unprotected key into the keychain once one is available, keeping the same key', async () => {
    state.backend = 'basic_text';
    const dir = newDir();
    const weak = await loadDataKey(options(dir));
    state.backend = 'gnome_libsecret';
    const strong = await loadDataKey(options(dir));
    expect(strong).toMatchObject({ protection: 'os' });
    expect(strong.key.equals(weak.key)).toBe(true);
    expect(existsSync(path.join(dir, UNPROTECTED_KEY_FILE))).toBe(false);
    expect(existsSync(path.join(dir, PROTECTED_KEY_FILE))).toBe(true);
  });

  it('never replaces a keychain-protected key when the keychain is unavailable', async () => {
    const dir = newDir();
    await loadDataKey(options(dir));
    const before = readFileSync(path.join(dir, PROTECTED_KEY_FILE));
    state.encryptionAvailable = false;
    const consent = vi.fn(async () => true);
    await expect(loadDataKey(options(dir, 'linux', consent))).rejects.toThrow(/keychain/);
    state.encryptionAvailable = true;
    state.backend = 'basic_text';
    await expect(loadDataKey(options(dir, 'linux', consent))).rejects.toThrow(DataKeyError);
    expect(consent).not.toHaveBeenCalled();
    expect(readFileSync(path.join(dir, PROTECTED_KEY_FILE)).equals(before)).toBe(true);
  });

  it('explains a key the keychain cannot decrypt (a data folder from another account)', async () => {
    const dir = newDir();
    writeFileSync(path.join(dir, PROTECTED_KEY_FILE), 'encrypted elsewhere');
    await expect(loadDataKey(options(dir))).rejects.toThrow(/another user or computer/);
  });

  it('refuses a damaged key rather than use a short one', async () => {
    const dir = newDir();
    writeFileSync(path.join(dir, UNPROTECTED_KEY_FILE), Buffer.alloc(8).toString('base64'));
    state.backend = 'basic_text';
    await expect(loadDataKey(options(dir))).rejects.toThrow(/damaged/);
  });

  it('re-encrypts when the keychain rotated its key', async () => {
    const dir = newDir();
    const { key } = await loadDataKey(options(dir));
    safeStorage.decryptStringAsync.mockResolvedValueOnce({ result: key.toString('base64'), shouldReEncrypt: true });
    await loadDataKey(options(dir));
    expect(safeStorage.encryptStringAsync).toHaveBeenCalledTimes(2);
  });
});
