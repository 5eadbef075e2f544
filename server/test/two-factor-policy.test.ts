import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../test-support/backends';
import { startTestService, type TestService } from '../test-support/test-service';
import { currentCode, enrollTwoFactor } from '../test-support/two-factor';
import { TWO_FACTOR_ENROLLMENT_REQUIRED } from '@shared/plan-api/two-factor';

/**
 * With TWO_FACTOR=required-for-admins, a primary administrator or billing user without two-step
 * sign-in gets a session that reaches only enrollment until they turn it on; and no user can read
 * or change another's two-step sign-in.
 */
describe.each(backends())('two-step sign-in policy and authorization (%s)', (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ backend, twoFactorPolicy: 'required-for-admins' });
    await service.createGroup('7301');
  });
  afterAll(() => service?.close());

  const signIn = (user: { userId: string; password: string }) => service.api<{ token: string; limitedTo?: string }>('POST', '/v1/sessions', { body: { userId: user.userId, password: user.password } });
  const limitedAnswer = { status: 403, body: { code: 'TWO_FACTOR_REQUIRED', message: TWO_FACTOR_ENROLLMENT_REQUIRED } };

  it.each(['primary_admin', 'billing'] as const)('limits a %s without it to enrollment, and lifts the limit on that session once it is on', async (role) => {
    const user = await service.signUpUser();
    await service.grantRole(user.userId, '7301', role);
    const session = await signIn(user);
    expect(session.status).toBe(201);
    expect(session.body.limitedTo).toBe('two_factor_enrollment');
    const token = session.body.token;

    expect(await service.api('GET', '/v1/groups/7301/invoices', { token })).toMatchObject(limitedAnswer);
    expect(await service.api('GET', '/v1/groups/7301/members', { token })).toMatchObject(limitedAnswer);
    expect(await service.api('GET', '/v1/access-requests', { token })).toMatchObject(limitedAnswer);
    expect(await service.api('POST', '/v1/accounts/password', { token, body: { currentPassword: user.password, newPassword: 'Another-Good-Password-77' } })).toMatchObject(limitedAnswer);
    expect(await service.api('DELETE', '/v1/sessions', { token })).toMatchObject(limitedAnswer);
    expect((await service.api('GET', '/v1/me', { token })).status).toBe(200);
    expect((await service.api('GET', '/v1/me/two-factor', { token })).body).toEqual({ enabled: false, required: true, policy: 'required-for-admins', recoveryCodesLeft: 0, sessionLimited: true });

    const { secret } = await enrollTwoFactor(service, token);
    expect((await service.api('GET', '/v1/groups/7301/invoices', { token })).status).toBe(200);
    expect((await service.api('GET', '/v1/me/two-factor', { token })).body).toMatchObject({ enabled: true, sessionLimited: false });
    // The policy keeps it on.
    expect(await service.api('POST', '/v1/me/two-factor/disable', { token, body: { password: user.password, code: currentCode(service, secret) } })).toMatchObject({ status: 422, body: { code: 'RULE' } });
  });

  it('limits a session at once when its user is given a covered role after signing in, until they turn it on', async () => {
    const user = await service.signUpUser();
    await service.grantRole(user.userId, '7301', 'read_only');
    const session = await signIn(user);
    expect(session.body.limitedTo).toBeUndefined();
    const token = session.body.token;
    expect((await service.api('GET', '/v1/groups/7301/members', { token })).status).toBe(200);

    // Promoted while signed in: the very next request is held to enrollment, not the next sign-in.
    await service.grantRole(user.userId, '7301', 'primary_admin');
    expect(await service.api('GET', '/v1/groups/7301/members', { token })).toMatchObject(limitedAnswer);
    expect((await service.api('GET', '/v1/me/two-factor', { token })).body).toMatchObject({ enabled: false, required: true, sessionLimited: true });

    // Back to a role the policy leaves free, the session is whole again.
    await service.grantRole(user.userId, '7301', 'read_only');
    expect((await service.api('GET', '/v1/groups/7301/members', { token })).status).toBe(200);

    await service.grantRole(user.userId, '7301', 'billing');
    expect(await service.api('GET', '/v1/groups/7301/invoices', { token })).toMatchObject(limitedAnswer);
    await enrollTwoFactor(service, token);
    expect((await service.api('GET', '/v1/groups/7301/invoices', { token })).status).toBe(200);
    expect((await service.api('GET', '/v1/me/two-factor', { token })).body).toMatchObject({ enabled: true, sessionLimited: false });
  });

  it('leaves other roles free to choose, and a limited session can still sign out', async () => {
    const reader = await service.signUpUser();
    await service.grantRole(reader.userId, '7301', 'read_only');
    const session = await signIn(reader);
    expect(session.body.limitedTo).toBeUndefined();
    expect((await service.api('GET', '/v1/groups/7301/members', { token: session.body.token })).status).toBe(200);

    const admin = await service.signUpUser();
    await service.grantRole(admin.userId, '7301', 'admin');
    expect((await signIn(admin)).body.limitedTo).toBeUndefined();

    const billing = await service.signUpUser();
    await service.grantRole(billing.userId, '7301', 'billing');
    const limited = await signIn(billing);
    expect((await service.api('DELETE', '/v1/sessions/current', { token: limited.body.token })).status).toBe(204);
    expect((await service.api('GET', '/v1/me', { token: limited.body.token })).status).toBe(401);
  });

  it('acts on the signed-in user’s own two-step sign-in only', async () => {
    const owner = await service.signUpUser();
    const intruder = await service.signUpUser();
    const started = await service.api<{ secret: string }>('POST', '/v1/me/two-factor/enrollment', { token: owner.token });
    // The intruder's session cannot confirm the owner's waiting secret, even with its code.
    expect((await service.api('POST', '/v1/me/two-factor/enrollment/confirm', { token: intruder.token, body: { code: currentCode(service, started.body.secret) } })).body).toMatchObject({ code: 'RULE' });
    expect((await service.api('GET', '/v1/me/two-factor', { token: owner.token })).body).toMatchObject({ enabled: false });
    expect((await service.api('POST', '/v1/me/two-factor/enrollment/confirm', { token: owner.token, body: { code: currentCode(service, started.body.secret) } })).status).toBe(200);
    // Nor turn it off or renew its recovery codes: those routes act on the intruder, whose is off.
    expect((await service.api('POST', '/v1/me/two-factor/disable', { token: intruder.token, body: { password: intruder.password, code: '123456' } })).body).toMatchObject({ code: 'RULE', message: 'Two-step sign-in is off for this user ID.' });
    expect((await service.api('GET', '/v1/me/two-factor', { token: owner.token })).body).toMatchObject({ enabled: true });
    // And without a session, nothing at all.
    const unsigned = [
      ['GET', '/v1/me/two-factor', undefined],
      ['POST', '/v1/me/two-factor/enrollment', undefined],
      ['POST', '/v1/me/two-factor/enrollment/confirm', { code: '123456' }],
      ['POST', '/v1/me/two-factor/disable', { password: owner.password, code: '123456' }],
      ['POST', '/v1/me/two-factor/recovery-codes', { code: '123456' }],
    ] as const;
    for (const [method, path, body] of unsigned) expect((await service.api(method, path, body ? { body } : {})).status).toBe(401);
  });
});
