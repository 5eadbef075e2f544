import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { TermsAcceptanceStatus } from '@shared/plan-api/bill-pay';
import { auditLog, billPayTermsAcceptances } from '../src/store/schema';
import { backends } from '../test-support/backends';
import { MINUTE } from '../test-support/clock';
import { GROUP, path, startEligibilityService, type EligibilityFixture } from './eligibility-support';

/**
 * A billing user who accepted older Bill Pay terms (or none, given the role by invitation) is asked
 * to accept the version in force; the plan keeps the version and time per user and group.
 */
describe.each(backends())('Bill Pay terms acceptance (%s)', (backend) => {
  let f: EligibilityFixture;
  beforeAll(async () => {
    f = await startEligibilityService(backend);
  });
  afterAll(async () => f?.service.close());

  const statusOf = (token: string) => f.service.api<TermsAcceptanceStatus>('GET', path('/bill-pay/terms-acceptance'), { token });
  const accept = (token: string, body: unknown) => f.service.api<TermsAcceptanceStatus>('POST', path('/bill-pay/terms-acceptance'), { token, body });

  it('asks a billing user who accepted an older version again, and records the new acceptance with its time', async () => {
    const user = await f.service.signUpUser();
    await f.service.grantRole(user.userId, GROUP, 'billing');
    // Accepted the terms that described invoices only, before payments came (2026-12).
    const signedUpAt = new Date(f.service.clock.now().getTime() - 30 * 24 * 60 * MINUTE);
    await f.service.db.insert(billPayTermsAcceptances).values({ userId: user.userId, groupNumber: GROUP, termsVersion: '2026-12', acceptedAt: signedUpAt, ip: null });

    expect((await statusOf(user.token)).body).toEqual({ groupNumber: GROUP, currentVersion: '2027-01', acceptedVersion: '2026-12', acceptedAt: signedUpAt.toISOString(), needed: true });

    const stale = await accept(user.token, { termsVersion: '2026-12', acceptTerms: true });
    expect(stale).toMatchObject({ status: 409, body: { code: 'CONFLICT', message: 'The terms of service changed: version 2027-01 is in force, not 2026-12. Read the current terms and accept them to go on using Bill Pay.' } });
    expect(await accept(user.token, { termsVersion: '2027-01' })).toMatchObject({ status: 400, body: { code: 'VALIDATION', fields: { acceptTerms: 'You must accept the terms of service to use Bill Pay' } } });
    expect(await accept(user.token, { termsVersion: '2027-01', acceptTerms: true, extra: 1 })).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });

    const before = f.service.clock.now().getTime();
    const accepted = await accept(user.token, { termsVersion: '2027-01', acceptTerms: true });
    expect(accepted).toMatchObject({ status: 200, body: { acceptedVersion: '2027-01', needed: false } });
    expect(new Date(String(accepted.body.acceptedAt)).getTime()).toBeGreaterThanOrEqual(before);
    expect((await statusOf(user.token)).body.needed).toBe(false);
    const [audit] = await f.service.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'bill_pay.accept_terms'), eq(auditLog.actor, user.userId)));
    expect(audit).toMatchObject({ target: `group:${GROUP}`, detail: { termsVersion: '2027-01' } });
  });

  it('asks a billing user who never accepted any, and nobody with another role', async () => {
    const invited = await f.service.signUpUser();
    await f.service.grantRole(invited.userId, GROUP, 'billing');
    expect((await statusOf(invited.token)).body).toMatchObject({ acceptedVersion: null, acceptedAt: null, needed: true });
    for (const role of ['primary_admin', 'admin', 'read_only'] as const) expect((await statusOf(f.tokens[role])).body.needed, role).toBe(false);
  });

  it('answers only the group’s users, and takes acceptances only from those who use Bill Pay', async () => {
    expect((await statusOf(f.tokens.other_group)).status).toBe(403);
    expect((await f.service.api('GET', path('/bill-pay/terms-acceptance'))).status).toBe(401);
    for (const role of ['admin', 'read_only'] as const) expect((await accept(f.tokens[role], { termsVersion: '2027-01', acceptTerms: true })).status, role).toBe(403);
    expect((await accept(f.tokens.primary_admin, { termsVersion: '2027-01', acceptTerms: true })).status).toBe(200);
  });
});
