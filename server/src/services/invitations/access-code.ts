import { hashSecret } from '../accounts/tokens';
import { randomCode } from '../random-code';

const CODE_LENGTH = 12;

/**
 * A new access code: 12 characters drawn uniformly (crypto `randomInt`, no modulo bias) from the
 * 32-letter alphabet, 60 bits — far beyond what ACCESS_CODE_ATTEMPTS tries per window can guess.
 */
export const newAccessCode = (): string => randomCode(CODE_LENGTH);

/** What the database keeps of a code (SHA-256, as for tokens): a normalized code, so the typed form finds it. */
export const accessCodeHash = (normalizedCode: string): string => hashSecret(normalizedCode);
