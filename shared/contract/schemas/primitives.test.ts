import { describe, expect, it } from 'vitest';
import { addressInput } from './group';
import { email, phone, ssnInput } from './primitives';

const message = (result: { success: boolean; error?: { issues: { message: string }[] } }) => (result.success ? null : (result.error?.issues[0]?.message ?? null));

describe('phone and e-mail: a malformed value is called invalid, with the shape that works', () => {
  it.each([
    ['call me', 'This is not a phone number: enter one like 412-555-0140'],
    ['412', 'This is not a phone number: enter one like 412-555-0140'],
    ['412-555-0140', null],
    ['+1 (412) 555.0140', null],
  ])('phone %j → %j', (value, expected) => {
    expect(message(phone.safeParse(value))).toBe(expected);
  });

  it.each([
    ['rosa@', 'This is not an e-mail address: enter one like name@example.com'],
    ['rosa at harbor', 'This is not an e-mail address: enter one like name@example.com'],
    ['rosa@harbor.example', null],
  ])('e-mail %j → %j', (value, expected) => {
    expect(message(email.safeParse(value))).toBe(expected);
  });
});

describe('an SSN the SSA never issues, or a ZIP code of another state, is refused at its field', () => {
  it.each([
    ['412-34-5678', null],
    ['000-12-3456', 'No SSN starts with 000: check the number on the card'],
    ['123-45-6789', "123-45-6789 is a sample number printed on forms and ads, not anyone's SSN: enter the number on the card"],
    ['12-345', 'An SSN is 9 digits'],
  ])('SSN %j → %j', (value, expected) => {
    expect(message(ssnInput.safeParse(value))).toBe(expected);
  });

  it('names the ZIP field when the ZIP belongs to another state', () => {
    const result = addressInput.safeParse({ line1: '1 Main St', city: 'Washington', state: 'PA', zip: '75001' });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ['zip'], message: "75001 is a Texas ZIP code, not Pennsylvania's" })]);
    expect(addressInput.safeParse({ line1: '1 Main St', city: 'Washington', state: 'PA', zip: '15301' }).success).toBe(true);
  });
});
