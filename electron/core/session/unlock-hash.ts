import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * The screen lock's copy of the password: scrypt with a random salt, written as one self-describing
 * string `scrypt$N$r$p$salt$hash` (base64url) so the cost can rise later without losing older
 * hashes. It is checked on this computer only, so Unlock works offline; it never leaves the store.
 * N = 2^15, r = 8 (32 MiB, ~0.1 s): OWASP's minimum for scrypt, enough for a file an attacker
 * would have to copy off the computer first.
 */
const cost = { N: 2 ** 15, r: 8, p: 1 };
const keyLength = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem above 128·N·r (the default 32 MiB is exactly that and refused).
    scrypt(password.normalize('NFC'), salt, keyLength, { ...options, maxmem: 256 * (options.N ?? cost.N) * (options.r ?? cost.r) }, (error, key) => (error === null ? resolve(key) : reject(error)));
  });
}

export async function hashUnlockPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

const stored = /^scrypt\$(\d{1,8})\$(\d{1,3})\$(\d{1,3})\$([\w-]+)\$([\w-]+)$/;

/** False for a wrong password and for a hash this build cannot read (the user then signs in again). */
export async function verifyUnlockPassword(password: string, hash: string): Promise<boolean> {
  const match = stored.exec(hash);
  if (match === null) return false;
  const [, N, r, p, salt, key] = match as unknown as [string, string, string, string, string, string];
  const expected = Buffer.from(key, 'base64url');
  if (expected.length !== keyLength) return false;
  try {
    return timingSafeEqual(await derive(password, Buffer.from(salt, 'base64url'), { N: Number(N), r: Number(r), p: Number(p) }), expected);
  } catch {
    // Parameters scrypt refuses (N not a power of two): not a hash this build wrote.
    return false;
  }
}
