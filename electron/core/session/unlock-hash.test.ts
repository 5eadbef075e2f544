import { describe, expect, it } from 'vitest';
import { hashUnlockPassword, verifyUnlockPassword } from './unlock-hash';

describe('the screen lock’s password hash', () => {
  it('is salted and self-describing, and opens only with the same password', async () => {
    const password = 'correct horse battery staple';
    const first = await hashUnlockPassword(password);
    const second = await hashUnlockPassword(password);
    expect(first).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain(password);
    expect(await verifyUnlockPassword(password, first)).toBe(true);
    expect(await verifyUnlockPassword(password, second)).toBe(true);
    expect(await verifyUnlockPassword('correct horse battery stapler', first)).toBe(false);
    expect(await verifyUnlockPassword('', first)).toBe(false);
  });

  it('treats the same characters typed in another Unicode form as the same password', async () => {
    const hash = await hashUnlockPassword('Café au lait 2026');
    expect(await verifyUnlockPassword('Cafe\u0301 au lait 2026', hash)).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['another scheme', 'bcrypt$10$abc$def'],
    ['a cost scrypt refuses', 'scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
    ['a truncated key', 'scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAA'],
  ])('refuses %s instead of throwing', async (_name, stored) => {
    expect(await verifyUnlockPassword('anything at all', stored)).toBe(false);
  });
});
