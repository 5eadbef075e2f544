import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { FieldDecryptError, createFieldCipher, fieldContext } from './field-cipher';

describe('field cipher (AES-256-GCM)', () => {
  const cipher = createFieldCipher(randomBytes(32));

  it('round-trips a value as version | 12-byte IV | 16-byte tag | ciphertext', () => {
    const blob = cipher.encrypt('412556789');
    expect(blob[0]).toBe(1);
    expect(blob.length).toBe(1 + 12 + 16 + 9);
    expect(blob.includes(Buffer.from('412556789'))).toBe(false);
    expect(cipher.decrypt(blob)).toBe('412556789');
  });

  it('uses a fresh IV per value, so equal values look different', () => {
    const ivs = new Set(Array.from({ length: 5000 }, () => cipher.encrypt('412556789').subarray(1, 13).toString('hex')));
    expect(ivs.size).toBe(5000);
  });

  it('detects tampering with the ciphertext, the tag or the IV', () => {
    for (const index of [1, 13, 29]) {
      const blob = cipher.encrypt('412556789');
      blob[index] = (blob[index] ?? 0) ^ 1;
      expect(() => cipher.decrypt(blob)).toThrow(FieldDecryptError);
    }
  });

  it('refuses another key, an unknown format and a truncated value without echoing the value', () => {
    const blob = cipher.encrypt('412556789');
    expect(() => createFieldCipher(randomBytes(32)).decrypt(blob)).toThrow(/another key/);
    expect(() => cipher.decrypt(Buffer.concat([Buffer.from([3]), blob.subarray(1)]))).toThrow(/unknown format/);
    expect(() => cipher.decrypt(blob.subarray(0, 20))).toThrow(/too short/);
    try {
      createFieldCipher(randomBytes(32)).decrypt(blob);
    } catch (error) {
      expect(String(error)).not.toContain('6789');
    }
  });

  it('binds a value to its row: moved to another row it does not decrypt', () => {
    const alice = fieldContext('members', 'ssn_encrypted', '100234-01');
    const bob = fieldContext('members', 'ssn_encrypted', '100234-02');
    const blob = cipher.encrypt('412556789', alice);
    expect(blob[0]).toBe(2);
    expect(cipher.decrypt(blob, alice)).toBe('412556789');
    expect(() => cipher.decrypt(blob, bob)).toThrow(FieldDecryptError);
    expect(() => cipher.decrypt(blob)).toThrow(FieldDecryptError);
  });

  it('still reads values written before rows were bound, whatever row reads them', () => {
    const legacy = cipher.encrypt('412556789');
    expect(legacy[0]).toBe(1);
    expect(cipher.decrypt(legacy, fieldContext('members', 'ssn_encrypted', '100234-01'))).toBe('412556789');
  });

  it('takes only a 32-byte key', () => {
    expect(() => createFieldCipher(randomBytes(16))).toThrow(/32 bytes/);
  });
});
