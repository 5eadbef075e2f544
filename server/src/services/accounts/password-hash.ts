import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';

/**
 * The one place password hashes are made: argon2id, 19 MiB, 2 passes, 1 lane (OWASP's minimum
 * recommendation for argon2id), written out rather than left to the library's defaults, which may
 * change with an upgrade. About 30 ms a hash on this hardware.
 */
export const PASSWORD_HASH_PARAMS = {
  // Algorithm.Argon2id: the enum is `const`, which isolated modules cannot read.
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
} as const satisfies Options;

/** How a hash made with the parameters above begins (the PHC string format). */
const PINNED_PREFIX = `$argon2id$v=19$m=${PASSWORD_HASH_PARAMS.memoryCost},t=${PASSWORD_HASH_PARAMS.timeCost},p=${PASSWORD_HASH_PARAMS.parallelism}$`;

export const hashPassword = (password: string): Promise<string> => hash(password, PASSWORD_HASH_PARAMS);

/** Verifies with the parameters the hash itself names, so hashes made before a change still verify. */
export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** True when the hash was made with other parameters (or another algorithm): re-hash at the next sign-in. */
export function needsRehash(passwordHash: string): boolean {
  if (!passwordHash.startsWith(PINNED_PREFIX)) return true;
  const [salt = '', digest = ''] = passwordHash.slice(PINNED_PREFIX.length).split('$');
  // Base64 without padding: 32 bytes are 43 characters.
  return salt === '' || digest.length !== Math.ceil((PASSWORD_HASH_PARAMS.outputLen * 4) / 3);
}

/**
 * Verifying against this hash when the user ID is unknown makes a wrong user ID cost the same time
 * as a wrong password, so response times do not reveal which user IDs exist.
 */
let decoyHash: Promise<string> | undefined;
export const decoyPasswordHash = (): Promise<string> => (decoyHash ??= hashPassword('decoy password that matches nothing'));
