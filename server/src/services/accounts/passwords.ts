import { hash, verify } from '@node-rs/argon2';
import commonPasswordList from './common-passwords.json';

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

const common = new Set<string>(commonPasswordList as string[]);

/** Padding people add to a common word to pass a length rule: `password1234`, `!!dragon2024`. */
const PADDING = /^[\d\W_]+|[\d\W_]+$/g;

/**
 * Why a new password is refused, or null. Beyond the length rule (in the schema): NIST SP 800-63B
 * §5.1.1.2 asks to refuse passwords from breach corpuses, dictionary words, repetitive or sequential
 * characters and context-specific words such as the user name.
 */
export function passwordProblem(password: string, userId: string): string | null {
  const lower = password.toLowerCase();
  if (lower.includes(userId.toLowerCase())) return 'Your password must not contain your user ID.';
  if (common.has(lower)) return 'This is one of the most commonly used passwords. Choose one that is harder to guess.';
  const core = lower.replace(PADDING, '');
  if (core.length >= 3 && common.has(core)) return 'This is a common password with digits or symbols added. Choose one that is harder to guess.';
  const unit = /^(.{1,8}?)\1+$/s.exec(lower)?.[1];
  if (unit !== undefined) return 'This password repeats a short sequence. Choose one that is harder to guess.';
  return null;
}
