import { describe, expect, it } from 'vitest';
import { email, phone } from './primitives';

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
