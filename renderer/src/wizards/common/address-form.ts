import { z } from 'zod';
import { address } from '@shared/contract/schemas/group';
import type { Address } from '@shared/contract/schemas/group';
import { zipStateMessage } from '@shared/domain/zip-state';
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

/**
 * The address fields checked with the service's `address` schema, and, once state and ZIP are each
 * well formed, the service's check that the ZIP code belongs to the state, shown under the ZIP.
 */
export const addressFormSchema = z
  .object({
    line1: filled(line1, 'Enter the street address'),
    line2: blankOr(line2.unwrap()),
    city: filled(city, 'Enter the city'),
    state: filled(state, 'Choose the state'),
    zip: filled(zip, 'Enter the ZIP code'),
  })
  .superRefine(
    (a, ctx) => {
      const typed = { state: a.state, zip: a.zip.trim() };
      if (!state.safeParse(typed.state).success || !zip.safeParse(typed.zip).success) return;
      const message = zipStateMessage(typed.zip, typed.state);
      if (message !== null) ctx.addIssue({ code: 'custom', path: ['zip'], message });
    },
    // Also when another address field is still wrong, so the step lists every problem at once.
    { when: () => true },
  );

/** The request's address; a blank second line is left out. */
export function addressRequest(a: AddressValues): Address {
  const second = orNull(a.line2);
  return { line1: a.line1.trim(), ...(second === null ? {} : { line2: second }), city: a.city.trim(), state: a.state, zip: a.zip.trim() };
}
