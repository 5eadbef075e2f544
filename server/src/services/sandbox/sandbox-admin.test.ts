import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Me } from '@shared/plan-api/accounts';
import { backends } from '../../../test-support/backends';
import { HOUR } from '../../../test-support/clock';
import { startTestService, type TestService } from '../../../test-support/test-service';
import { SESSION_IDLE_MS } from '../accounts/sessions';
import { auditLog } from '../../store/schema';
import { ensureSandboxAdmin, openSandboxSession, SANDBOX_ADMIN, touchSandboxSession } from './sandbox-admin';

describe.each(backends())('sandbox administrator (%s)', (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ backend });
    await service.createGroup('4101');
    await service.createGroup('4102');
  });
  afterAll(async () => service?.close());

  const audited = async (action: string) => (await service.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.actor, 'ops:sandbox')))).length;

  it('is created once, verified, primary_admin of each group, and audited; a second call changes nothing', async () => {
    expect(await ensureSandboxAdmin(service.db, ['4101', '4102'], service.clock.now())).toEqual({ created: true, granted: ['4101', '4102'] });
    expect(await audited('sandbox.create_admin')).toBe(1);
    expect(await audited('group.grant_role')).toBe(2);
    expect(await ensureSandboxAdmin(service.db, ['4101', '4102'], service.clock.now())).toEqual({ created: false, granted: [] });
    expect(await audited('sandbox.create_admin')).toBe(1);
    expect(await audited('group.grant_role')).toBe(2);

    const { token } = await openSandboxSession(service.db, service.clock.now());
    const me = await service.api<Me>('GET', '/v1/me', { token });
    expect(me.body).toMatchObject({ userId: SANDBOX_ADMIN.userId, emailVerified: true });
    expect(me.body.groups.map((g) => [g.groupNumber, g.role])).toEqual([
      ['4101', 'primary_admin'],
      ['4102', 'primary_admin'],
    ]);
  });

  it('gets primary_admin back on a group where it lost it', async () => {
    await service.grantRole(SANDBOX_ADMIN.userId, '4102', 'read_only');
    expect((await ensureSandboxAdmin(service.db, ['4101', '4102'], service.clock.now())).granted).toEqual(['4102']);
  });

  it('keeps its session from idling out while the desktop runs', async () => {
    const kept = await openSandboxSession(service.db, service.clock.now());
    const idle = await openSandboxSession(service.db, service.clock.now());
    for (let hours = 0; hours < SESSION_IDLE_MS / HOUR + 2; hours++) {
      service.clock.advance(HOUR);
      expect(await touchSandboxSession(service.db, kept.token, service.clock.now())).toBe(true);
    }
    expect((await service.api('GET', '/v1/me', { token: kept.token })).status).toBe(200);
    expect((await service.api('GET', '/v1/me', { token: idle.token })).status).toBe(401);
    expect(await touchSandboxSession(service.db, idle.token, service.clock.now())).toBe(false);
  });
});
