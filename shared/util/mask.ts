/**
 * SSNs are shown masked everywhere (HIPAA minimum necessary). Errors never echo the
 * value they were given, so a bad SSN cannot leak into a log through an exception message.
 */

/** The last 4 digits of a full SSN (dashes or spaces allowed) or of a last-4 string. */
export function ssnLast4(ssnOrLast4: string): string {
  const digits = ssnOrLast4.replace(/[\s-]/g, '');
  if (!/^(\d{9}|\d{4})$/.test(digits)) throw new RangeError('Expected a 9-digit SSN or its last 4 digits');
  return digits.slice(-4);
}

/** `123-45-6789`, `123456789` or `6789` → `***-**-6789`. */
export function maskSsn(ssnOrLast4: string): string {
  return `***-**-${ssnLast4(ssnOrLast4)}`;
}
