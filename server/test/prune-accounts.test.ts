import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { backends } from '../test-support/backends';
import { startTestService, type TestService } from '../test-support/test-service';
import { DAY, MINUTE } from '../test-support/clock';
import { pruneAccounts } from '../src/jobs/prune-accounts';

describe.each(backends())('pruning sign-in records (%s)', (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ backend });
  });
  afterAll(() => service?.close());

  // A user's sign-in locks: on the user ID (`user:<id>`) or on the user ID from one address (`user:<id>:ip:<address>`).
  const whose = (table: string, userId: string) =>
    table === 'lockouts' ? sql`(subject = ${`user:${userId}`} OR subject LIKE ${`user:${userId}:ip:%`})` : sql`user_id = ${userId}`;
  const count = async (table: string, userId: string) =>
    (await service.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)} WHERE ${whose(table, userId)}`)).rows[0]?.n;

  it('deletes records past retention and keeps what is recent or in force', async () => {
    const old = await service.signUpUser();
    // A wrong access code and a wrong Bill Pay proof leave attempt rows of their own.
    await service.api('POST', '/v1/invitations/redeem', { token: old.token, body: { code: 'ABCD-EFGH-JKMN' } });
    await service.api('POST', '/v1/bill-pay/sign-ups', { token: old.token, body: { groupNumber: '99999', invoiceNumber: 'INV-99999-202601-7KQ4M2', amountCents: 52_000, termsVersion: '2027-01', acceptTerms: true } });
    expect(await count('access_code_attempts', old.userId)).toBe(1);
    expect(await count('bill_pay_proof_failures', old.userId)).toBe(1);
    for (let i = 0; i < 5; i++) await service.api('POST', '/v1/sessions', { body: { userId: old.userId, password: `wrong-password-${i}` } });
    expect(await count('lockouts', old.userId)).toBe(1);
    service.clock.advance(20 * MINUTE);
    const stillLockedSomewhere = await service.signUpUser();
    for (let i = 0; i < 5; i++) await service.api('POST', '/v1/sessions', { body: { userId: stillLockedSomewhere.userId, password: `wrong-password-${i}` } });

    const first = await pruneAccounts(service.db, service.clock.now());
    expect(first.lockouts).toBe(1);
    expect(await count('lockouts', old.userId)).toBe(0);
    expect(await count('lockouts', stillLockedSomewhere.userId)).toBe(1);
    expect(await count('login_attempts', old.userId)).toBe(6);

    service.clock.advance(98 * DAY);
    const recent = await service.signUpUser();
    await pruneAccounts(service.db, service.clock.now());
    expect(await count('login_attempts', old.userId)).toBe(0);
    expect(await count('sessions', old.userId)).toBe(0);
    expect(await count('email_verifications', old.userId)).toBe(0);
    expect(await count('access_code_attempts', old.userId)).toBe(0);
    expect(await count('bill_pay_proof_failures', old.userId)).toBe(0);
    expect(await count('login_attempts', recent.userId)).toBe(1);
    expect(await count('sessions', recent.userId)).toBe(1);
    expect((await service.api('GET', '/v1/me', { token: recent.token })).status).toBe(200);
    // The audit trail is never pruned.
    const audit = await service.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM audit_log WHERE actor = ${old.userId}`);
    expect(audit.rows[0]?.n).toBeGreaterThan(0);
  });
});
