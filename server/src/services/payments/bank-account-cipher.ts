import { hkdfSync } from 'node:crypto';
import { aesGcmField } from '../crypto/aes-gcm-field';

/**
 * Bank account numbers are encrypted at rest with AES-256-GCM like SSNs, but under a key of their own
 * derived from the service key (RFC 5869 HKDF, its own purpose string): no key serves two purposes,
 * and no second secret has to be managed. Only the ACH file writer and a notification of change ever decrypt one.
 */
export interface BankAccountCipher {
  /** Bound to the bank account's id (crypto/aes-gcm-field.ts): it opens in that account's row only. */
  encrypt(accountNumber: string, bankAccountId: string): Uint8Array;
  decrypt(stored: Uint8Array, bankAccountId: string): string;
}

export function bankAccountCipher(serviceKey: Uint8Array): BankAccountCipher {
  if (serviceKey.length !== 32) throw new RangeError('The service key must be 32 bytes (AES-256)');
  const field = aesGcmField(Buffer.from(hkdfSync('sha256', serviceKey, new Uint8Array(0), 'groupdesk bank account number v1', 32)));
  return {
    encrypt: (accountNumber, bankAccountId) => field.seal(accountNumber, `bank_accounts.account_number:${bankAccountId}`),
    decrypt: (stored, bankAccountId) => field.open(stored, `bank_accounts.account_number:${bankAccountId}`),
  };
}
