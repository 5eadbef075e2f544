import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with @node-rs/argon2's defaults (m = 19 MiB, t = 2, p = 1: OWASP's minimum
 * recommendation), about 30 ms a hash on this hardware.
 */
export const hashPassword = (password: string): Promise<string> => hash(password);

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * Verifying against this hash when the user ID is unknown makes a wrong user ID cost the same time
 * as a wrong password, so response times do not reveal which user IDs exist.
 */
let decoyHash: Promise<string> | undefined;
export const decoyPasswordHash = (): Promise<string> => (decoyHash ??= hash('decoy password that matches nothing'));
