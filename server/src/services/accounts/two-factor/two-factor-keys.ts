import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { aesGcmField } from '../../crypto/aes-gcm-field';

/**
 * The keys of two-step sign-in, derived from the service key (RFC 5869 HKDF, one purpose string
 * each) like the bank-account key: no key serves two purposes and no second secret is managed.
 * TOTP secrets are sealed with AES-256-GCM bound to their user (crypto/aes-gcm-field.ts), so a
 * secret copied into another user's row does not open; remembered-computer tokens are signed with HMAC-SHA256.
 */
export interface TwoFactorKeys {
  sealSecret(secret: string, userId: string): Uint8Array;
  openSecret(sealed: Uint8Array, userId: string): string;
  /** base64url HMAC of `text`. */
  sign(text: string): string;
  verify(text: string, signature: string): boolean;
}

export function twoFactorKeys(serviceKey: Uint8Array): TwoFactorKeys {
  if (serviceKey.length !== 32) throw new RangeError('The service key must be 32 bytes (AES-256)');
  const derive = (purpose: string) => Buffer.from(hkdfSync('sha256', serviceKey, new Uint8Array(0), purpose, 32));
  const field = aesGcmField(derive('groupdesk totp secret v1'));
  const signingKey = derive('groupdesk remembered device v1');
  const sign = (text: string) => createHmac('sha256', signingKey).update(text, 'utf8').digest('base64url');
  return {
    sealSecret: (secret, userId) => field.seal(secret, `two_factor.secret:${userId}`),
    openSecret: (sealed, userId) => field.open(sealed, `two_factor.secret:${userId}`),
    sign,
    verify(text, signature) {
      const expected = Buffer.from(sign(text));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given);
    },
  };
}
