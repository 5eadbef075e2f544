import { randomInt } from 'node:crypto';
import { ACCESS_CODE_ALPHABET } from '@shared/plan-api/invitations';

/**
 * `length` characters drawn uniformly (crypto `randomInt`, no modulo bias) from the 32-letter
 * Crockford alphabet (shared/plan-api/invitations), 5 bits each: what access codes and the random
 * part of invoice numbers are made of, so both read and are typed the same way.
 */
export function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i += 1) code += ACCESS_CODE_ALPHABET[randomInt(ACCESS_CODE_ALPHABET.length)];
  return code;
}
