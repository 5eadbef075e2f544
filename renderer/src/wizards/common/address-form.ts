import { z } from 'zod';
import { address } from '@shared/contract/schemas/group';
import type { Address } from '@shared/contract/schemas/group';
import { blankOr, filled, orNull } from './form-rules';

export interface AddressValues {
  line1: string;
  line2: string;
  city: string;
  state: string;
  zip: string;
}

export const emptyAddress: AddressValues = { line1: '', line2: '', city: '', state: '', zip: '' };

const { line1, line2, city, state, zip } = address.shape;

/** The address fields checked with the service's `address` schema. */
export const addressFormSchema = z.object({
  line1: filled(line1, 'Enter the street address'),
  line2: blankOr(line2.unwrap()),
  city: filled(city, 'Enter the city'),
  state: filled(state, 'Choose the state'),
  zip: filled(zip, 'Enter the ZIP code'),
});

/** The request's address; a blank second line is left out. */
export function addressRequest(a: AddressValues): Address {
  const second = orNull(a.line2);
  return { line1: a.line1.trim(), ...(second === null ? {} : { line2: second }), city: a.city.trim(), state: a.state, zip: a.zip.trim() };
}
