import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { hash, type Algorithm } from '@node-rs/argon2';
import { backends } from '../test-support/backends';
import { startTestService, type TestService } from '../test-support/test-service';
import { goodPassword, uniqueUserId } from '../test-support/fixtures';
import { users } from '../src/store/schema';
import { hashPassword, needsRehash, passwordMatches } from '../src/services/accounts/password-hash';

const PINNED = /^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/;
/** Hashes an older service might have stored: weaker memory and passes, or argon2i. */
const weaker = [
  ['argon2id, m=4096, t=1', { memoryCost: 4096, timeCost: 1, parallelism: 1 }],
  ['argon2i, m=19456, t=2', { algorithm: 1 as Algorithm, memoryCost: 19_456, timeCost: 2, parallelism: 1 }],
] as const;

describe('password hashes', () => {
  it('are made argon2id with m=19456 KiB, t=2, p=1', async () => {
    const made = await hashPassword(goodPassword);
    expect(made).toMatch(PINNED);
    expect(needsRehash(made)).toBe(false);
    expect(await passwordMatches(made, goodPassword)).toBe(true);
  });

  it.each(weaker)('are re-hashed when made with %s', async (_name, options) => {
    expect(needsRehash(await hash(goodPassword, options))).toBe(true);
  });
});

describe.each(backends())('sign-in upgrades an old password hash (%s)', (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ backend });
  });
  afterAll(() => service?.close());

  it.each(weaker)('verifies a hash made with %s and replaces it with a pinned one', async (_name, options) => {
    const userId = uniqueUserId();
    const now = service.clock.now();
    const old = await hash(goodPassword, options);
    await service.db.insert(users).values({ userId, passwordHash: old, name: 'Pat Example', email: `${userId}@example.com`, emailVerifiedAt: now, passwordChangedAt: now, createdAt: now });
    const stored = async () => (await service.db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.userId, userId)))[0]?.passwordHash ?? '';

    expect((await service.api('POST', '/v1/sessions', { body: { userId, password: 'not-the-password' } })).status).toBe(401);
    expect(await stored()).toBe(old);
    expect((await service.api('POST', '/v1/sessions', { body: { userId, password: goodPassword } })).status).toBe(201);
    const upgraded = await stored();
    expect(upgraded).toMatch(PINNED);
    expect(await passwordMatches(upgraded, goodPassword)).toBe(true);
    expect((await service.api('POST', '/v1/sessions', { body: { userId, password: goodPassword } })).status).toBe(201);
    expect(await stored()).toBe(upgraded);
  });
});
