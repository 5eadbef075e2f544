import { randomInt } from 'node:crypto';
import { ACCESS_CODE_ALPHABET } from '../../../../shared/plan-api/invitations';
import { hashSecret } from '../accounts/tokens';

const CODE_LENGTH = 12;

/**
 * A new access code: 12 characters drawn uniformly (crypto `randomInt`, no modulo bias) from the
 * 32-letter alphabet, 60 bits — far beyond what ACCESS_CODE_ATTEMPTS tries per window can guess.
 */
export function newAccessCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i += 1) code += ACCESS_CODE_ALPHABET[randomInt(ACCESS_CODE_ALPHABET.length)];
  return code;
}

/** What the database keeps of a code (SHA-256, as for tokens): a normalized code, so the typed form finds it. */
export const accessCodeHash = (normalizedCode: string): string => hashSecret(normalizedCode);
