import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { backends } from '../test-support/backends';
import { startTestService, type TestService } from '../test-support/test-service';
import { goodPassword, uniqueUserId } from '../test-support/fixtures';
import { CODE_REFUSED, MAX_CODE_ATTEMPTS } from '../src/services/accounts/verification';
import { SIGN_IN_POLICY } from '../src/services/accounts/sign-in-policy';

const BURST = 20;

/**
 * Guesses sent all at once, as a script would send them: every counter must see each guess, and the
 * lock must engage at exactly the limit, with no guess past it judged. PostgreSQL (CI) runs the
 * requests on separate connections at the same time.
 */
describe.each(backends())('bursts of wrong passwords and codes (%s)', (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ backend });
  });
  afterAll(() => service?.close());

  const failures = async (userId: string) =>
    (await service.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM login_attempts WHERE user_id = ${userId} AND NOT succeeded`)).rows[0]?.n;

  it('locks sign-in at exactly the limit when 20 wrong passwords arrive at once', async () => {
    const user = await service.signUpUser();
    const answers = await Promise.all(Array.from({ length: BURST }, (_, i) => service.api('POST', '/v1/sessions', { body: { userId: user.userId, password: `wrong-password-${i}` } })));
    const limit = SIGN_IN_POLICY.pairFreeFailures;
    expect(answers.filter((a) => a.status === 401)).toHaveLength(limit - 1);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(BURST - limit + 1);
    expect(await failures(user.userId)).toBe(limit);
    expect((await service.api('POST', '/v1/sessions', { body: { userId: user.userId, password: user.password } })).status).toBe(429);
  });

  it('spends the e-mail code at exactly the limit when 20 wrong codes arrive at once', async () => {
    const userId = uniqueUserId();
    const email = `${userId}@example.com`;
    expect((await service.api('POST', '/v1/accounts', { body: { userId, password: goodPassword, name: 'Pat Example', email } })).status).toBe(201);
    const code = /code is (\d{6})/.exec((await service.mail.waitForMail((m) => m.to.includes(email))).text)?.[1] ?? '';
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    const answers = await Promise.all(Array.from({ length: BURST }, () => service.api('POST', '/v1/accounts/verify-email', { body: { userId, code: wrong } })));
    // Every refusal reads the same (the answer must not tell which user IDs exist): the count is in the row.
    expect(new Set(answers.map((a) => String(a.body.message)))).toEqual(new Set([CODE_REFUSED]));
    const row = await service.db.execute<{ failed_attempts: number; spent: boolean }>(sql`SELECT failed_attempts, used_at IS NOT NULL AS spent FROM email_verifications WHERE user_id = ${userId}`);
    expect(row.rows).toEqual([{ failed_attempts: MAX_CODE_ATTEMPTS, spent: true }]);
    // Spent at the limit: the right code no longer works either.
    expect((await service.api('POST', '/v1/accounts/verify-email', { body: { userId, code } })).body.message).toBe(CODE_REFUSED);
  });

  it('counts wrong current passwords on a password change toward the same lock', async () => {
    const user = await service.signUpUser();
    const change = (currentPassword: string) => service.api('POST', '/v1/accounts/password', { token: user.token, body: { currentPassword, newPassword: 'Another-Long-Passphrase-7' } });
    const answers = await Promise.all(Array.from({ length: BURST }, (_, i) => change(`wrong-current-${i}`)));
    const limit = SIGN_IN_POLICY.pairFreeFailures;
    expect(answers.filter((a) => a.status === 400)).toHaveLength(limit - 1);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(BURST - limit + 1);
    expect(await failures(user.userId)).toBe(limit);
    expect((await change(user.password)).status).toBe(429);
  });
});
