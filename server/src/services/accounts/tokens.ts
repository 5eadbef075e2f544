import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';

/** An opaque secret for a bearer token or a verification link: 32 random bytes, base64url. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** What the database keeps of a secret: its SHA-256, so a stolen table opens nothing. */
export const hashSecret = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');

/** A short numeric code a person can type from an e-mail (6 digits, leading zeros kept). */
export const newShortCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');

export const newId = (): string => randomBytes(16).toString('hex');

/** Compares two hex digests without leaking where they differ. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
