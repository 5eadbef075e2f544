import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startSyncTestService, type SyncTestService } from '../../test-support/plan-service';
import { answerOf, Desktops } from '../../test-support/account-test-kit';
import { currentCode, STEP_MS } from '../../../../server/test-support/two-factor';

/**
 * Two-step sign-in from the desktop, against the real plan service over HTTP: turning it on in
 * Settings, the code step of sign-in, remembering the computer, a recovery code, and a session the
 * plan limits to setting it up.
 */
describe('two-step sign-in from the desktop', () => {
  let test: SyncTestService;
  const desktops = new Desktops(() => test);
  beforeAll(async () => {
    test = await startSyncTestService({ subscribers: 2, twoFactorPolicy: 'required-for-admins' });
  }, 120_000);
  afterEach(() => desktops.closeAll());
  afterAll(async () => test?.close());

  const newUser = async (role: 'admin' | 'billing') => {
    const user = await test.service.signUpUser();
    await test.service.grantRole(user.userId, test.groupNumber, role);
    return user;
  };

  it('turns it on in Settings, then asks for the code at sign-in, remembers the computer when asked, and takes a recovery code once', async () => {
    const user = await newUser('admin');
    const first = await desktops.signedIn(user);
    expect(await answerOf(first, 'twoFactor.status', {})).toMatchObject({ enabled: false, required: false, policy: 'required-for-admins' });
    const enrollment = await answerOf(first, 'twoFactor.start', {});
    expect(enrollment.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
    expect(enrollment.secretGroups).toHaveLength(8);
    expect(enrollment.secretGroups.every((group) => /^[A-Z2-7]{4}$/.test(group))).toBe(true);
    const secret = enrollment.secretGroups.join('');
    expect(await first.call('twoFactor.confirm', { code: '12345' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { code: expect.any(String) } } });
    const { recoveryCodes } = await answerOf(first, 'twoFactor.confirm', { code: currentCode(test.service, secret) });
    expect(recoveryCodes).toHaveLength(10);
    test.service.clock.advance(STEP_MS);

    const second = desktops.fresh();
    const waiting = await answerOf(second, 'session.signIn', { serviceUrl: test.service.url, userId: user.userId, password: user.password });
    expect(waiting).toMatchObject({ user: null, secondFactor: { userId: user.userId, serviceUrl: test.service.url } });
    expect(await second.call('session.completeSignIn', { code: '000000' === currentCode(test.service, secret) ? '111111' : '000000' })).toMatchObject({ ok: false, error: { code: 'AUTH', fields: { code: 'Not right' } } });
    const signedIn = await answerOf(second, 'session.completeSignIn', { code: currentCode(test.service, secret), rememberDevice: true });
    expect(signedIn).toMatchObject({ user: { userId: user.userId }, secondFactor: null, twoFactorSetupRequired: false });

    // Remembered: the next sign-in on this computer needs only the password.
    await answerOf(second, 'session.signOut', {});
    expect(await answerOf(second, 'session.signIn', { serviceUrl: test.service.url, userId: user.userId, password: user.password })).toMatchObject({ user: { userId: user.userId }, secondFactor: null });

    // Another computer, no phone: a recovery code, once.
    const third = desktops.fresh();
    await answerOf(third, 'session.signIn', { serviceUrl: test.service.url, userId: user.userId, password: user.password });
    expect(await answerOf(third, 'session.completeSignIn', { recoveryCode: recoveryCodes[0]! })).toMatchObject({ user: { userId: user.userId } });
    await answerOf(third, 'session.signOut', {});
    await answerOf(third, 'session.signIn', { serviceUrl: test.service.url, userId: user.userId, password: user.password });
    expect(await third.call('session.completeSignIn', { recoveryCode: recoveryCodes[0]! })).toMatchObject({ ok: false, error: { code: 'AUTH' } });
    expect(await answerOf(third, 'session.get', {})).toMatchObject({ user: null });

    // Signing out everywhere else ends the other desktops' sessions and forgets the second computer.
    // (The other sessions: the one the test service opened at sign-up, and the second computer's.)
    expect(await answerOf(first, 'session.signOutEverywhere', {})).toMatchObject({ endedSessions: 2, forgottenDevices: 1 });
    expect(await answerOf(first, 'session.get', {})).toMatchObject({ user: { userId: user.userId } });
    await answerOf(second, 'session.signOut', {});
    expect(await answerOf(second, 'session.signIn', { serviceUrl: test.service.url, userId: user.userId, password: user.password })).toMatchObject({ user: null, secondFactor: { userId: user.userId } });
    test.service.clock.advance(STEP_MS);
    await answerOf(second, 'session.completeSignIn', { code: currentCode(test.service, secret), rememberDevice: true });

    // Turning it off forgets the remembered computer: on again, the second computer is asked for a code.
    test.service.clock.advance(STEP_MS);
    expect(await answerOf(first, 'twoFactor.disable', { password: user.password, code: currentCode(test.service, secret) })).toMatchObject({ enabled: false });
    const again = await answerOf(first, 'twoFactor.start', {});
    await answerOf(first, 'twoFactor.confirm', { code: currentCode(test.service, again.secretGroups.join('')) });
    await answerOf(second, 'session.signOut', {});
    expect(await answerOf(second, 'session.signIn', { serviceUrl: test.service.url, userId: user.userId, password: user.password })).toMatchObject({ user: null, secondFactor: { userId: user.userId } });
  }, 120_000);

  it('limits the session at once when the user is given a role that requires it after signing in, and sends the windows to set it up', async () => {
    const user = await newUser('admin');
    const core = await desktops.signedIn(user);
    const announced: boolean[] = [];
    core.onEvent((event) => {
      if (event.type === 'session.changed') announced.push(event.session.twoFactorSetupRequired === true);
    });
    expect(await answerOf(core, 'session.get', {})).toMatchObject({ twoFactorSetupRequired: false });

    // Another administrator makes them primary administrator while they work: the next call to the plan is refused.
    await test.service.grantRole(user.userId, test.groupNumber, 'primary_admin');
    expect(await core.call('account.changePassword', { currentPassword: user.password, newPassword: 'Another-Good-Password-77' })).toMatchObject({ ok: false, error: { code: 'TWO_FACTOR_REQUIRED' } });
    expect(announced).toEqual([true]);
    expect(await answerOf(core, 'session.get', {})).toMatchObject({ twoFactorSetupRequired: true });
    expect(await answerOf(core, 'twoFactor.status', {})).toMatchObject({ enabled: false, required: true, sessionLimited: true });

    const enrollment = await answerOf(core, 'twoFactor.start', {});
    await answerOf(core, 'twoFactor.confirm', { code: currentCode(test.service, enrollment.secretGroups.join('')) });
    expect(await answerOf(core, 'session.get', {})).toMatchObject({ twoFactorSetupRequired: false });
  }, 60_000);

  it('limits the session when a sync is the first to hear that a new role requires it', async () => {
    const user = await newUser('admin');
    const core = await desktops.signedIn(user);
    await test.service.grantRole(user.userId, test.groupNumber, 'billing');
    await core.call('sync.now', {});
    await vi.waitFor(async () => expect(await answerOf(core, 'session.get', {})).toMatchObject({ twoFactorSetupRequired: true }), { timeout: 20_000 });
  }, 60_000);

  it('gives a billing user without it a session that can only set it up, until it is on', async () => {
    const user = await newUser('billing');
    const core = desktops.fresh();
    const limited = await answerOf(core, 'session.signIn', { serviceUrl: test.service.url, userId: user.userId, password: user.password });
    expect(limited).toMatchObject({ user: { userId: user.userId }, twoFactorSetupRequired: true });
    expect(await answerOf(core, 'twoFactor.status', {})).toMatchObject({ enabled: false, required: true, sessionLimited: true });
    const enrollment = await answerOf(core, 'twoFactor.start', {});
    await answerOf(core, 'twoFactor.confirm', { code: currentCode(test.service, enrollment.secretGroups.join('')) });
    expect(await answerOf(core, 'session.get', {})).toMatchObject({ twoFactorSetupRequired: false });
    expect(await answerOf(core, 'twoFactor.status', {})).toMatchObject({ enabled: true, required: true, sessionLimited: false });
    // The plan keeps it on for this role.
    test.service.clock.advance(STEP_MS);
    expect(await core.call('twoFactor.disable', { password: user.password, code: currentCode(test.service, enrollment.secretGroups.join('')) })).toMatchObject({ ok: false, error: { code: 'RULE' } });
  }, 60_000);
});
