import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * One sensitive field (an SSN, a bank account number) sealed with AES-256-GCM, stored as
 * iv (12 bytes) ‖ auth tag (16) ‖ ciphertext with a fresh random iv per value: equal values give
 * different bytes, and a changed byte fails to open rather than reading as another value.
 */
export interface FieldSeal {
  seal(text: string): Uint8Array;
  open(stored: Uint8Array): string;
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

export function aesGcmField(key: Uint8Array): FieldSeal {
  if (key.length !== 32) throw new RangeError('An AES-256 key is 32 bytes');
  return {
    seal(text) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    open(stored) {
      const bytes = Buffer.from(stored);
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}
