import { createCipheriv, createDecipheriv, randomFillSync } from 'node:crypto';

/**
 * AES-256-GCM for sensitive fields (SSN, bank account number) at rest. One BLOB per value:
 * version (1 byte) | IV (12 bytes, random per value) | auth tag (16 bytes) | ciphertext.
 * The version byte lets a later key or algorithm coexist with values already written:
 * - 1: no associated data (every value written before values were bound to their rows);
 * - 2: the value's context (its table, column and row, `fieldContext`) is the associated data, so
 *   a value copied into another row or column fails to decrypt instead of reading as that row's.
 */
const FORMAT_V1 = 1;
const FORMAT_V2 = 2;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
/** IVs are drawn from the CSPRNG in batches: one system call per value made bulk loads ~2x slower. */
const IV_POOL_VALUES = 4096;

export class FieldDecryptError extends Error {
  constructor(reason: string) {
    // Never includes the value: a message can end up in a log.
    super(`An encrypted field could not be read: ${reason}`);
    this.name = 'FieldDecryptError';
  }
}

export interface FieldCipher {
  /** With a context, the value is bound to it (format 2); without, it is not (format 1). */
  encrypt(plaintext: string, context?: string): Buffer;
  /**
   * Throws FieldDecryptError when the value was altered, made with another key, or bound to
   * another context. A format 1 value predates contexts and opens whatever context is given.
   */
  decrypt(blob: Uint8Array, context?: string): string;
}

/** The associated data of one encrypted cell: which table, column and row it belongs to. */
export function fieldContext(table: string, column: string, row: string): string {
  return `${table}.${column}:${row}`;
}

export function createFieldCipher(key: Uint8Array): FieldCipher {
  if (key.length !== 32) throw new RangeError(`The encryption key must be 32 bytes (got ${key.length})`);
  const secret = Buffer.from(key);
  const pool = Buffer.alloc(IV_BYTES * IV_POOL_VALUES);
  let poolOffset = pool.length;

  const nextIv = (target: Buffer): void => {
    if (poolOffset === pool.length) {
      randomFillSync(pool);
      poolOffset = 0;
    }
    pool.copy(target, 1, poolOffset, poolOffset + IV_BYTES);
    poolOffset += IV_BYTES;
  };

  return {
    encrypt(plaintext, context) {
      const data = Buffer.from(plaintext, 'utf8');
      const out = Buffer.allocUnsafe(HEADER_BYTES + data.length);
      out[0] = context === undefined ? FORMAT_V1 : FORMAT_V2;
      nextIv(out);
      const cipher = createCipheriv('aes-256-gcm', secret, out.subarray(1, 1 + IV_BYTES));
      if (context !== undefined) cipher.setAAD(Buffer.from(context, 'utf8'));
      const written = cipher.update(data);
      cipher.final();
      written.copy(out, HEADER_BYTES);
      cipher.getAuthTag().copy(out, 1 + IV_BYTES);
      return out;
    },
    decrypt(blob, context) {
      const value = Buffer.from(blob.buffer, blob.byteOffset, blob.byteLength);
      if (value.length < HEADER_BYTES) throw new FieldDecryptError('too short');
      if (value[0] !== FORMAT_V1 && value[0] !== FORMAT_V2) throw new FieldDecryptError(`unknown format ${String(value[0])}`);
      if (value[0] === FORMAT_V2 && context === undefined) throw new FieldDecryptError('it belongs to a row that was not named');
      const decipher = createDecipheriv('aes-256-gcm', secret, value.subarray(1, 1 + IV_BYTES));
      if (value[0] === FORMAT_V2) decipher.setAAD(Buffer.from(context ?? '', 'utf8'));
      decipher.setAuthTag(value.subarray(1 + IV_BYTES, HEADER_BYTES));
      try {
        return Buffer.concat([decipher.update(value.subarray(HEADER_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        throw new FieldDecryptError('it was altered, encrypted with another key or belongs to another row');
      }
    },
  };
}
