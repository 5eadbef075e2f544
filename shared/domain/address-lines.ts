import type { Address } from '../contract/schemas/group';

/** "12 Oak St, Apt 4, Dayton, OH 45402": an address on one line, as a review table shows it. */
export function addressLine(a: Address): string {
  return [a.line1, a.line2, `${a.city}, ${a.state} ${a.zip}`].filter((s) => s !== undefined && s.trim() !== '').join(', ');
}

const key = (a: Address): string =>
  [a.line1, a.line2 ?? '', a.city, a.state, a.zip].map((s) => s.trim().replace(/\s+/g, ' ').toUpperCase()).join('|');

/**
 * The same place written two ways ("12 Oak St" and "12  OAK ST"): who shares the
 * employee's address moves with them, and a member already there has nothing to change.
 */
export function sameAddress(a: Address, b: Address): boolean {
  return key(a) === key(b);
}
