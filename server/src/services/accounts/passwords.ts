import commonPasswordList from './common-passwords.json';

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
