import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Bank account numbers are encrypted at rest with AES-256-GCM like SSNs, but under a key of their own
 * derived from the service key (RFC 5869 HKDF, its own purpose string): no key serves two purposes,
 * and no second secret has to be managed. Stored as iv (12 bytes) ‖ auth tag (16) ‖ ciphertext, a
 * fresh iv per value. Only the ACH file writer and a notification of change ever decrypt one.
 */
export interface BankAccountCipher {
  encrypt(accountNumber: string): Uint8Array;
  decrypt(stored: Uint8Array): string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function bankAccountCipher(serviceKey: Uint8Array): BankAccountCipher {
  if (serviceKey.length !== 32) throw new RangeError('The service key must be 32 bytes (AES-256)');
  const key = Buffer.from(hkdfSync('sha256', serviceKey, new Uint8Array(0), 'groupdesk bank account number v1', 32));
  return {
    encrypt(accountNumber) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(accountNumber, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(stored) {
      const bytes = Buffer.from(stored);
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}
