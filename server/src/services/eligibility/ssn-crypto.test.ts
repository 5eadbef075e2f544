import { createCipheriv, createHash } from 'node:crypto';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSsnKey, ssnCipher } from './ssn-crypto';

describe('ssnCipher', () => {
  const cipher = ssnCipher(new Uint8Array(32).fill(7));

  it('round-trips, with a different ciphertext each time and no digits in the clear', () => {
    const a = cipher.encrypt('412556789', '432000001');
    const b = cipher.encrypt('412556789', '432000001');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    expect(Buffer.from(a).toString('latin1')).not.toContain('412556789');
    expect(cipher.decrypt(a, '432000001')).toBe('412556789');
  });

  it('fingerprints equal SSNs equally, differently under another key, and never as a bare hash', () => {
    expect(Buffer.from(cipher.fingerprint('412556789')).equals(Buffer.from(cipher.fingerprint('412556789')))).toBe(true);
    expect(Buffer.from(cipher.fingerprint('412556789')).equals(Buffer.from(cipher.fingerprint('412556780')))).toBe(false);
    expect(Buffer.from(ssnCipher(new Uint8Array(32).fill(8)).fingerprint('412556789')).equals(Buffer.from(cipher.fingerprint('412556789')))).toBe(false);
    expect(Buffer.from(cipher.fingerprint('412556789')).toString('hex')).not.toBe(createHash('sha256').update('412556789').digest('hex'));
  });

  it('refuses a tampered value or another key', () => {
    const stored = Buffer.from(cipher.encrypt('412556789', '432000001'));
    stored.writeUInt8(stored.readUInt8(stored.length - 1) ^ 1, stored.length - 1);
    expect(() => cipher.decrypt(stored, '432000001')).toThrow();
    expect(() => ssnCipher(new Uint8Array(32).fill(8)).decrypt(cipher.encrypt('412556789', '432000001'), '432000001')).toThrow();
  });
});

describe('SSNs bound to their member', () => {
  const key = new Uint8Array(32).fill(7);
  const cipher = ssnCipher(key);

  it('does not open an SSN moved to another member’s row', () => {
    const stored = cipher.encrypt('412556789', '432000001');
    expect(cipher.decrypt(stored, '432000001')).toBe('412556789');
    expect(() => cipher.decrypt(stored, '432000002')).toThrow();
  });

  it('still opens SSNs written before they were bound (no associated data), including one whose iv starts with the marker', () => {
    for (const firstIvByte of [0x00, 0xa2]) {
      const iv = Buffer.alloc(12, 3);
      iv[0] = firstIvByte;
      const legacy = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([legacy.update('412556789', 'utf8'), legacy.final()]);
      expect(cipher.decrypt(Buffer.concat([iv, legacy.getAuthTag(), body]), '432000007')).toBe('412556789');
    }
  });
});

describe('loadSsnKey', () => {
  it('creates <dataDir>/ssn.key readable by its owner only, and reads the same key back', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ssn-key-'));
    const first = await loadSsnKey({ dataDir: dir });
    expect((await stat(path.join(dir, 'ssn.key'))).mode & 0o777).toBe(0o600);
    expect(Buffer.from(await loadSsnKey({ dataDir: dir })).equals(Buffer.from(first))).toBe(true);
    expect((await readFile(path.join(dir, 'ssn.key'), 'utf8')).trim()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('prefers SSN_KEY and refuses a key of the wrong length', async () => {
    expect(Buffer.from(await loadSsnKey({ env: 'ab'.repeat(32) })).toString('hex')).toBe('ab'.repeat(32));
    await expect(loadSsnKey({ env: 'abcd' })).rejects.toThrow('SSN_KEY must hold a 32-byte key');
  });
});
