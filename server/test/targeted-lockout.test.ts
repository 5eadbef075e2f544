import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../test-support/backends';
import { startTestService, type TestService } from '../test-support/test-service';
import { MINUTE } from '../test-support/clock';
import { SIGN_IN_POLICY } from '../src/services/accounts/sign-in-policy';

/**
 * Someone who knows a user ID must not be able to keep its owner out: wrong passwords lock the user
 * ID only from the address they came from, until many addresses together reach the user's ceiling.
 * The service sits behind a trusted proxy on 127.0.0.1, so X-Forwarded-For names each source.
 */
describe.each(backends())('lockouts aimed at a user (%s)', (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ backend, trustProxy: ['127.0.0.1'] });
  });
  afterAll(() => service?.close());

  const signIn = (userId: string, password: string, from: string) =>
    service.api('POST', '/v1/sessions', { body: { userId, password }, headers: { 'x-forwarded-for': from } });

  it('locks the attacker’s address with growing waits while the user signs in from their own', async () => {
    const user = await service.signUpUser();
    const attacker = '203.0.113.9';
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_POLICY.pairFreeFailures; i++) statuses.push((await signIn(user.userId, `wrong-password-${i}`, attacker)).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect((await signIn(user.userId, user.password, attacker)).status).toBe(429);
    expect((await signIn(user.userId, user.password, '198.51.100.7')).status).toBe(201);

    // After the first wait, one more wrong password from the attacker doubles it.
    service.clock.advance(MINUTE + 1000);
    const again = await signIn(user.userId, 'wrong-password-again', attacker);
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBe(2 * 60);
    expect((await signIn(user.userId, user.password, '198.51.100.7')).status).toBe(201);
  });

  it('locks the user ID everywhere once failures from many addresses reach the ceiling', async () => {
    const user = await service.signUpUser();
    const addresses = Array.from({ length: SIGN_IN_POLICY.userCeiling / SIGN_IN_POLICY.pairFreeFailures }, (_, i) => `203.0.113.${100 + i}`);
    // Each address stays under its free tries until the last round.
    for (let round = 0; round < SIGN_IN_POLICY.pairFreeFailures; round++) {
      await Promise.all(addresses.map((from) => signIn(user.userId, `wrong-${round}`, from)));
    }
    const elsewhere = await signIn(user.userId, user.password, '198.51.100.7');
    expect(elsewhere.status).toBe(429);
    expect(elsewhere.body).toMatchObject({ code: 'RULE', message: expect.stringMatching(/this user ID is locked for 15 more minutes/) });
  });
});
