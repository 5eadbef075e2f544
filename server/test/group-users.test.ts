import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { GroupUsersResponse } from '@shared/plan-api/invitations';
import { backends } from '../test-support/backends';
import { enrollment } from './eligibility-support';
import { tableRowCounts } from '../test-support/row-counts';
import { startTestService, type SignedUpUser, type TestService } from '../test-support/test-service';

describe.each(backends())('a group’s users: role changes and removal (%s)', (backend) => {
  let service: TestService;
  let groupCounter = 7400;

  beforeAll(async () => {
    service = await startTestService({ backend });
  });
  afterAll(() => service?.close());

  /** A group with a primary administrator and an administrator. */
  async function team(): Promise<{ group: string; owner: SignedUpUser; hr: SignedUpUser }> {
    const group = String(groupCounter++);
    await service.createGroup(group);
    const owner = await service.signUpUser({ name: 'Olive Owner' });
    const hr = await service.signUpUser({ name: 'Harper Hr' });
    await service.grantRole(owner.userId, group, 'primary_admin');
    await service.grantRole(hr.userId, group, 'admin');
    return { group, owner, hr };
  }

  const lastFeedEntry = async (group: string, token: string) => {
    const feed = await service.api<{ changes: { entity: string; entityId: string; op: string; payload: unknown }[] }>('GET', `/v1/groups/${group}/changes?after=0`, { token });
    return feed.body.changes.at(-1);
  };

  it('changes a role at once: the service allows what the new role allows, the feed and audit say so', async () => {
    const { group, owner, hr } = await team();
    const today = service.clock.now().toISOString().slice(0, 10);
    let key = 0;
    const enroll = () => service.api('POST', `/v1/groups/${group}/enrollments`, { token: hr.token, body: enrollment(today), headers: { 'idempotency-key': `role-change-${group}-${key++}` } });
    expect((await enroll()).status).toBe(201);
    const changed = await service.api<GroupUsersResponse>('PATCH', `/v1/groups/${group}/users/${hr.userId.toUpperCase()}`, { token: owner.token, body: { role: 'read_only' } });
    expect(changed.status).toBe(200);
    expect(changed.body.users.find((u) => u.userId === hr.userId)).toMatchObject({ role: 'read_only', grantedBy: owner.userId });
    expect((await enroll()).status).toBe(403);
    expect(await lastFeedEntry(group, owner.token)).toMatchObject({ entity: 'user', entityId: hr.userId, op: 'upsert', payload: { userId: hr.userId, name: 'Harper Hr', role: 'read_only', status: 'active' } });
    const audit = await service.db.execute<{ actor: string; detail: unknown }>(sql`SELECT actor, detail FROM audit_log WHERE action = 'group.change_role' AND target = ${`group:${group}`}`);
    expect(audit.rows).toEqual([{ actor: owner.userId, detail: { userId: hr.userId, from: 'admin', to: 'read_only' } }]);
  });

  it('can make another user primary administrator, who can then manage users too', async () => {
    const { group, owner, hr } = await team();
    await service.api('PATCH', `/v1/groups/${group}/users/${hr.userId}`, { token: owner.token, body: { role: 'primary_admin' } });
    const seen = await service.api<GroupUsersResponse>('GET', `/v1/groups/${group}/users`, { token: hr.token });
    expect(seen.status).toBe(200);
    expect(seen.body.users.map((u) => u.role).sort()).toEqual(['primary_admin', 'primary_admin']);
  });

  it('removes a user: their next request to the group is refused, and the feed deletes them', async () => {
    const { group, owner, hr } = await team();
    const removed = await service.api<GroupUsersResponse>('DELETE', `/v1/groups/${group}/users/${hr.userId}`, { token: owner.token });
    expect(removed.status).toBe(200);
    expect(removed.body.users.map((u) => u.userId)).toEqual([owner.userId]);
    expect((await service.api('GET', `/v1/groups/${group}/members`, { token: hr.token })).status).toBe(403);
    const me = await service.api<{ groups: unknown[] }>('GET', '/v1/me', { token: hr.token });
    expect(me.body.groups).toEqual([]);
    expect(await lastFeedEntry(group, owner.token)).toMatchObject({ entity: 'user', entityId: hr.userId, op: 'delete', payload: null });
    const audit = await service.db.execute<{ detail: unknown }>(sql`SELECT detail FROM audit_log WHERE action = 'group.remove_user' AND target = ${`group:${group}`}`);
    expect(audit.rows).toEqual([{ detail: { userId: hr.userId, role: 'admin' } }]);
  });

  it('refuses changing or removing oneself, a user outside the group, and anyone but a primary administrator asking — writing nothing', async () => {
    const { group, owner, hr } = await team();
    const outsider = await service.signUpUser();
    const before = await tableRowCounts(service.db);
    const selfChange = await service.api('PATCH', `/v1/groups/${group}/users/${owner.userId}`, { token: owner.token, body: { role: 'admin' } });
    expect(selfChange.status).toBe(422);
    expect(selfChange.body).toMatchObject({ code: 'RULE', message: `You cannot change your own role. Another primary administrator of group ${group} can.` });
    const selfRemoval = await service.api('DELETE', `/v1/groups/${group}/users/${owner.userId}`, { token: owner.token });
    expect(selfRemoval.body).toMatchObject({ code: 'RULE', message: expect.stringMatching(/^You cannot remove yourself from the group/) });
    const stranger = await service.api('DELETE', `/v1/groups/${group}/users/${outsider.userId}`, { token: owner.token });
    expect(stranger.status).toBe(404);
    expect(stranger.body.message).toBe(`${outsider.userId} is not a user of group ${group}.`);
    expect((await service.api('PATCH', `/v1/groups/${group}/users/${owner.userId}`, { token: hr.token, body: { role: 'read_only' } })).status).toBe(403);
    expect((await service.api('PATCH', `/v1/groups/${group}/users/${hr.userId}`, { token: owner.token, body: { role: 'owner' } })).status).toBe(400);
    expect(await tableRowCounts(service.db)).toEqual(before);
  });

  it('keeps a primary administrator when two demote each other at the same moment', async () => {
    const { group, owner, hr } = await team();
    await service.api('PATCH', `/v1/groups/${group}/users/${hr.userId}`, { token: owner.token, body: { role: 'primary_admin' } });
    const [a, b] = await Promise.all([
      service.api('PATCH', `/v1/groups/${group}/users/${hr.userId}`, { token: owner.token, body: { role: 'admin' } }),
      service.api('PATCH', `/v1/groups/${group}/users/${owner.userId}`, { token: hr.token, body: { role: 'admin' } }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 403]);
    const roles = await service.db.execute<{ role: string }>(sql`SELECT role FROM group_users WHERE group_number = ${group} ORDER BY role`);
    expect(roles.rows.map((r) => r.role)).toEqual(['admin', 'primary_admin']);
  });
});
