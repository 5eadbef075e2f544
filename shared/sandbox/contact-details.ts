import type { Address } from '../contract/schemas/group';
import type { Random } from '../util/random';
import { streetNames, unitPrefixes, type Place } from './places';

/** Addresses, phones and e-mails for sandbox members: realistic in form, never a real person's. */

export function makeAddress(rng: Random, place: Place): Address {
  const line1 = `${rng.int(100, 9899)} ${rng.pick(streetNames)}`;
  const address: Address = { line1, city: place.city, state: place.state, zip: place.zip };
  if (rng.chance(0.15)) address.line2 = `${rng.pick(unitPrefixes)} ${rng.int(1, 40)}${rng.pick(['', '', 'A', 'B', 'C'])}`;
  return address;
}

/** 555-0100 … 555-0199 is reserved for fiction: no real line is ever dialled. */
export function makePhone(rng: Random, place: Place): string {
  return `(${place.areaCode}) 555-01${String(rng.int(0, 99)).padStart(2, '0')}`;
}

const emailDomains = ['example.com', 'example.org', 'example.net'] as const;
const asciiCache = new Map<string, string>();

/** Addresses at the RFC 2606 example domains, so the sandbox never mails a real person. */
export function makeEmail(rng: Random, firstName: string, lastName: string): string {
  const local = `${ascii(firstName)}.${ascii(lastName)}${rng.chance(0.3) ? rng.int(1, 99) : ''}`;
  return `${local}@${rng.pick(emailDomains)}`;
}

function ascii(name: string): string {
  let value = asciiCache.get(name);
  if (value === undefined) {
    value = name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/đ/gi, 'd')
      .toLowerCase()
      .replace(/[^a-z0-9-]/g, '');
    asciiCache.set(name, value);
  }
  return value;
}
