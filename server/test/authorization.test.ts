import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../test-support/backends';
import { startTestService, type SignedUpUser, type TestService } from '../test-support/test-service';
import { callers, OTHER_GROUP, TABLE_GROUP, type Caller } from '../test-support/authorization';
import { authorizationCases } from './authorization/index';

/**
 * Calls every route as every role in the group, as a user of another group and signed out, and
 * checks the status each gets (the table is in ./authorization/).
 */
describe.each(backends())('authorization table (%s)', (backend) => {
  let service: TestService;
  const users = new Map<Caller, SignedUpUser>();

  beforeAll(async () => {
    service = await startTestService({ backend });
    await service.createGroup(TABLE_GROUP);
    await service.createGroup(OTHER_GROUP);
    for (const role of ['primary_admin', 'admin', 'billing', 'read_only'] as const) {
      const user = await service.signUpUser({ userId: `authz-${role.replace('_', '-')}` });
      await service.grantRole(user.userId, TABLE_GROUP, role);
      users.set(role, user);
    }
    const outsider = await service.signUpUser({ userId: 'authz-outsider' });
    await service.grantRole(outsider.userId, OTHER_GROUP, 'primary_admin');
    users.set('outsider', outsider);
  });
  afterAll(() => service?.close());

  async function tokenFor(caller: Caller, fresh: boolean): Promise<string | undefined> {
    const user = users.get(caller);
    if (!user) return undefined;
    if (!fresh) return user.token;
    const signedIn = await service.api<{ token: string }>('POST', '/v1/sessions', { body: { userId: user.userId, password: user.password } });
    return signedIn.body.token;
  }

  describe.each(authorizationCases.map((c) => [c.name, c] as const))('%s', (_name, route) => {
    it.each(callers)('as %s', async (caller) => {
      const context = { service, groupNumber: TABLE_GROUP, caller };
      const token = await tokenFor(caller, route.freshSession ?? false);
      const body = route.body ? await route.body(context) : undefined;
      const response = await service.api(route.method, route.path(TABLE_GROUP), {
        ...(token ? { token } : {}),
        ...(body !== undefined ? { body } : {}),
        ...(route.headers ? { headers: route.headers(context) } : {}),
      });
      expect({ caller, status: response.status, body: response.status >= 400 ? response.body : undefined }).toMatchObject({ caller, status: route.expect[caller] });
      if (response.status >= 400) expect(response.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    });
  });

  it('answers an outsider the same for a group that does not exist as for one that does', async () => {
    const token = users.get('outsider')?.token;
    const existing = await service.api('GET', `/v1/groups/${TABLE_GROUP}/users`, { ...(token ? { token } : {}) });
    const missing = await service.api('GET', '/v1/groups/987654/users', { ...(token ? { token } : {}) });
    expect(existing.status).toBe(403);
    expect(missing.status).toBe(403);
    expect(missing.body).toMatchObject({ code: 'FORBIDDEN' });
  });
});
