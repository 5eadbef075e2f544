import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../test-support/backends';
import { startTestService, type TestService } from '../test-support/test-service';
import { MINUTE } from '../test-support/clock';
import { currentCode, enrollTwoFactor, STEP_MS } from '../test-support/two-factor';
import { SIGN_IN_POLICY } from '../src/services/accounts/sign-in-policy';

/**
 * Wrong second factors count in the sign-in lockout exactly as wrong passwords do: twenty sent at
 * once are judged one after the other, and the burst cannot slip guesses past the lock. A right
 * password in between does not clear the count.
 */
describe.each(backends())('second-factor lockout (%s)', (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ backend, trustProxy: ['127.0.0.1'] });
  });
  afterAll(() => service?.close());

  const from = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
  const challengeFor = async (user: { userId: string; password: string }, ip: string) =>
    (await service.api<{ challenge: string }>('POST', '/v1/sessions', { body: { userId: user.userId, password: user.password }, ...from(ip) })).body.challenge;

  it('locks the pair after the free tries when twenty wrong codes arrive at once', async () => {
    const user = await service.signUpUser();
    const { secret } = await enrollTwoFactor(service, user.token);
    const attacker = '203.0.113.40';
    const challenge = await challengeFor(user, attacker);
    const right = currentCode(service, secret);
    const wrong = Array.from({ length: 20 }, (_, i) => String((Number(right) + 1 + i * 7919) % 1_000_000).padStart(6, '0'));
    const answers = await Promise.all(wrong.map((code) => service.api('POST', '/v1/sessions/second-factor', { body: { challenge, code }, ...from(attacker) })));
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(SIGN_IN_POLICY.pairFreeFailures - 1);
    expect(statuses.filter((s) => s === 429)).toHaveLength(20 - (SIGN_IN_POLICY.pairFreeFailures - 1));

    // The right code is refused while the lock holds, and so is the password from that address.
    expect((await service.api('POST', '/v1/sessions/second-factor', { body: { challenge, code: right }, ...from(attacker) })).status).toBe(429);
    expect((await service.api('POST', '/v1/sessions', { body: { userId: user.userId, password: user.password }, ...from(attacker) })).status).toBe(429);
    // The user elsewhere is not locked out.
    const own = await challengeFor(user, '198.51.100.40');
    expect((await service.api('POST', '/v1/sessions/second-factor', { body: { challenge: own, code: right }, ...from('198.51.100.40') })).status).toBe(201);
  });

  it('keeps counting across right passwords, doubling the wait', async () => {
    const user = await service.signUpUser();
    const { secret } = await enrollTwoFactor(service, user.token);
    const ip = '203.0.113.41';
    const statuses: number[] = [];
    for (let i = 0; i < SIGN_IN_POLICY.pairFreeFailures; i++) {
      const challenge = await challengeFor(user, ip);
      const code = String((Number(currentCode(service, secret)) + 500_000) % 1_000_000).padStart(6, '0');
      statuses.push((await service.api('POST', '/v1/sessions/second-factor', { body: { challenge, code }, ...from(ip) })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    service.clock.advance(MINUTE + STEP_MS);
    const challenge = await challengeFor(user, ip);
    const again = await service.api('POST', '/v1/sessions/second-factor', { body: { challenge, recoveryCode: 'abcd-efghjk' }, ...from(ip) });
    expect(again.status).toBe(429);
    expect(Number(again.headers.get('retry-after'))).toBe(2 * 60);
  });
});
