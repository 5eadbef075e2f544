import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * One sensitive field (an SSN, a bank account number) sealed with AES-256-GCM with a fresh random
 * iv per value: equal values give different bytes, and a changed byte fails to open rather than
 * reading as another value. Two stored forms:
 * - bound (written now): 0xA2 ‖ iv (12 bytes) ‖ auth tag (16) ‖ ciphertext, the record's identity
 *   (`context`, e.g. `members.ssn:432000001`) as associated data, so a value copied into another
 *   row fails to open instead of reading as that row's;
 * - unbound (written before values were bound): iv ‖ auth tag ‖ ciphertext, no associated data.
 * An unbound value's first byte is random and may happen to be 0xA2, so a value that fails to open
 * as bound is tried as unbound; a bound value moved elsewhere fails both ways.
 */
export interface FieldSeal {
  seal(text: string, context: string): Uint8Array;
  open(stored: Uint8Array, context: string): string;
}

const BOUND = 0xa2;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function aesGcmField(key: Uint8Array): FieldSeal {
  if (key.length !== 32) throw new RangeError('An AES-256 key is 32 bytes');
  const openWith = (bytes: Buffer, aad: Buffer | null): string => {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
    if (aad !== null) decipher.setAAD(aad);
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  };
  return {
    seal(text, context) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.of(BOUND), iv, cipher.getAuthTag(), body]);
    },
    open(stored, context) {
      const bytes = Buffer.from(stored);
      if (bytes[0] === BOUND) {
        try {
          return openWith(bytes.subarray(1), Buffer.from(context, 'utf8'));
        } catch {
          // Not a bound value of this row: perhaps an unbound one that starts with the marker.
        }
      }
      return openWith(bytes, null);
    },
  };
}
