/** Money is integer cents, from the database to the screen; floats appear only inside Intl's formatting. */

const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** `123456` → `$1,234.56`; `-5` → `-$0.05`. Formats from a decimal string so large sums stay exact. */
export function formatUsd(cents: number): string {
  assertCents(cents, 'cents');
  const negative = cents < 0;
  const abs = Math.abs(cents);
  // Intl formats decimal strings exactly (ECMA-402 NumberFormat v3): no float rounding on the way.
  const decimal = `${negative ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}` as Intl.StringNumericLiteral;
  return usd.format(decimal);
}

/**
 * Splits `totalCents` in proportion to `ratios` so the parts sum exactly to the total (largest
 * remainder; ties go to the earlier share). Used for premium splits and invoice lines, where a cent
 * lost to rounding is a reconciliation break.
 */
export function allocate(totalCents: number, ratios: readonly number[]): number[] {
  assertCents(totalCents, 'totalCents');
  if (ratios.length === 0) throw new RangeError('allocate needs at least one ratio');
  if (ratios.some((r) => !Number.isFinite(r) || r < 0)) throw new RangeError('Ratios must be finite and not negative');
  const sum = ratios.reduce((a, r) => a + r, 0);
  if (sum <= 0) throw new RangeError('At least one ratio must be positive');

  const sign = totalCents < 0 ? -1 : 1;
  const abs = Math.abs(totalCents);
  const exact = ratios.map((r) => (abs * r) / sum);
  const parts = exact.map(Math.floor);
  let left = abs - parts.reduce((a, p) => a + p, 0);
  const order = exact.map((e, i) => ({ i, rest: e - Math.floor(e) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left === 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
    left -= 1;
  }
  return parts.map((p) => (p === 0 ? 0 : sign * p));
}

function assertCents(value: number, name: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a whole number of cents`);
}
