import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { backends } from '../test-support/backends';
import { startTestService, type TestService } from '../test-support/test-service';
import { auditLog } from '../src/store/schema';

describe.each(backends())('audit log (%s)', (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ backend });
  });
  afterAll(() => service?.close());

  const trail = async (target: string) =>
    service.db.select().from(auditLog).where(eq(auditLog.target, target)).orderBy(asc(auditLog.id));

  it('records who did each account write, when, and from which session and address', async () => {
    const user = await service.signUpUser();
    await service.api('POST', '/v1/accounts/resend-verification', { body: { userId: user.userId } });
    await service.api('POST', '/v1/accounts/password', { token: user.token, body: { currentPassword: user.password, newPassword: 'Audited-Passphrase-2026' } });
    await service.api('DELETE', '/v1/sessions/current', { token: user.token });
    const rows = await trail(`user:${user.userId}`);
    expect(rows.map((r) => r.action)).toEqual(['account.register', 'account.verify_email', 'session.create', 'account.change_password', 'session.revoke']);
    for (const row of rows) {
      expect(row.actor).toBe(user.userId);
      expect(row.ip).toBe('127.0.0.1');
      expect(Math.abs(row.at.getTime() - service.clock.now().getTime())).toBeLessThan(60_000);
    }
    expect(rows.filter((r) => r.sessionId === user.sessionId).map((r) => r.action)).toEqual(['session.create', 'account.change_password', 'session.revoke']);
    expect(JSON.stringify(rows)).not.toContain(user.password);
  });

  it('records access requests, operator decisions, groups and roles', async () => {
    await service.createGroup('7300');
    const user = await service.signUpUser();
    const filed = await service.api('POST', '/v1/access-requests', {
      token: user.token,
      body: { companyName: 'Audit Co', groupNumber: '7300', officerName: 'Robin Officer', officerTitle: 'CEO', contactPhone: '555-010-2000', contactEmail: 'r@example.com', attestation: true },
    });
    const confirmation = String(filed.body.confirmationNumber);
    await service.ops(['approve', confirmation]);
    const request = await trail(`access_request:${confirmation}`);
    expect(request.map((r) => [r.action, r.actor, r.sessionId])).toEqual([
      ['access_request.submit', user.userId, user.sessionId],
      ['access_request.approve', 'ops:test', null],
    ]);
    const group = await trail('group:7300');
    expect(group.map((r) => r.action)).toEqual(['group.create', 'group.grant_role']);
    expect(group[1]?.detail).toEqual({ userId: user.userId, role: 'primary_admin' });
  });

  it('records a lockout', async () => {
    const user = await service.signUpUser();
    for (let i = 0; i < 5; i++) await service.api('POST', '/v1/sessions', { body: { userId: user.userId, password: `wrong-password-${i}` } });
    expect((await trail(`user:${user.userId}`)).map((r) => r.action)).toContain('account.lockout');
  });
});
