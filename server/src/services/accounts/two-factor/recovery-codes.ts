import { randomInt } from 'node:crypto';
import { RECOVERY_CODE_ALPHABET } from '@shared/plan-api/two-factor';
import { hashSecret } from '../tokens';

export const RECOVERY_CODE_COUNT = 10;

/**
 * Ten codes of 10 characters from a 31-letter alphabet without look-alikes (0/o, 1/l/i): about 49
 * bits each, shown as `xxxxx-xxxxx`. Guessing one is slowed by the sign-in lockout like a wrong
 * code, so a fast hash (SHA-256) is enough to keep a stolen table from opening anything.
 */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 10 }, () => RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** What is stored of a code, typed with or without its hyphen, in any case (the schema normalises it). */
export const recoveryCodeHash = (normalised: string): string => hashSecret(`recovery:${normalised.replace('-', '')}`);
