import { ContractFailure } from '@shared/contract/errors';

/**
 * Field writers for NACHA's 94-character records. Banks reject a file over one misplaced column, so a
 * value that does not fit its field is an error here, never silently cut; only free-text names are
 * shortened (`fitText`), the way a bank statement shortens them anyway.
 */
export const RECORD_LENGTH = 94;

/** Letters without accents, upper case, and only printable ASCII: the characters every ACH operator accepts. */
export function achText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^\x20-\x7E]/g, ' ');
}

/** Alphanumeric field: left-justified, space-filled, upper case; too long is a caller's bug. */
export function alpha(value: string, width: number, field: string): string {
  const text = achText(value);
  if (text.length > width) throw new ContractFailure('VALIDATION', `${field} is longer than its ${width} characters`, { [field]: `At most ${width} characters` });
  return text.padEnd(width, ' ');
}

/** A name shortened to its field: statements show the first characters only. */
export const fitText = (value: string, width: number): string => achText(value).trim().slice(0, width).padEnd(width, ' ');

/** Numeric field: right-justified, zero-filled, digits only (an integer, never a float). */
export function numeric(value: number | string, width: number, field: string): string {
  const text = typeof value === 'number' ? integerText(value, field) : value;
  if (!/^\d*$/.test(text) || text.length > width) throw new ContractFailure('VALIDATION', `${field} does not fit its ${width} digits`, { [field]: `At most ${width} digits` });
  return text.padStart(width, '0');
}

function integerText(value: number, field: string): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new ContractFailure('VALIDATION', `${field} must be a whole, non-negative number`, { [field]: 'Whole number' });
  return String(value);
}

/** `YYYY-MM-DD` as the `YYMMDD` of ACH headers. */
export const yymmdd = (isoDate: string): string => isoDate.slice(2, 4) + isoDate.slice(5, 7) + isoDate.slice(8, 10);
