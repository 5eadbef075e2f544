import { randomBytes } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CoreEvent } from '@shared/contract/events';
import { goodPassword, uniqueUserId } from '../../../../server/test-support/fixtures';
import { startSyncTestService, tempDataDir, type SyncTestService } from '../../test-support/plan-service';
import { Desktops } from '../../test-support/account-test-kit';

/** The verification e-mail last sent to `email`: its code and its two links. */
async function verificationMail(test: SyncTestService, email: string, after = 0): Promise<{ code: string; webLink: string; appLink: string }> {
  let seen = 0;
  const mail = await test.service.mail.waitForMail((m) => m.to.includes(email) && /verification code/i.test(m.subject) && seen++ >= after);
  const code = /code is (\d{6})/.exec(mail.text)?.[1];
  const webLink = /Or open this link: (\S+)/.exec(mail.text)?.[1];
  const appLink = /(groupdesk:\/\/verify\?token=\S+)/.exec(mail.text)?.[1];
  if (code === undefined || webLink === undefined || appLink === undefined) throw new Error('The verification e-mail lacks its code or links');
  return { code, webLink, appLink };
}

describe('registration and e-mail verification from the desktop', () => {
  let test: SyncTestService;
  const desktops = new Desktops(() => test);
  const newAccount = () => {
    const userId = uniqueUserId('Reg');
    return { serviceUrl: `${test.service.url}/`, userId, password: goodPassword, name: 'Jordan Rivera', email: `${userId.toLowerCase()}@example.com` };
  };

  beforeAll(async () => {
    test = await startSyncTestService({ subscribers: 2 });
  }, 120_000);
  afterEach(async () => desktops.closeAll());
  afterAll(async () => test?.close());

  it('registers, remembers the registration across a restart, and verifies with the mailed code', async () => {
    const dataDir = tempDataDir();
    const key = randomBytes(32);
    const core = desktops.fresh({ dataDir, encryptionKey: key });
    const events: CoreEvent[] = [];
    core.onEvent((event) => events.push(event));
    const account = newAccount();

    const registered = await core.call('account.register', account);
    expect(registered).toEqual({
      ok: true,
      value: { serviceUrl: test.service.url, userId: account.userId.toLowerCase(), sentTo: expect.stringMatching(/^r\*\*\*@example\.com$/), expiresAt: expect.any(String) },
    });
    expect(events).toContainEqual(expect.objectContaining({ type: 'session.changed' }));
    const { code } = await verificationMail(test, account.email);

    // Quitting before the e-mail arrives: the app opens on the code it waits for.
    await core.close();
    const reopened = desktops.fresh({ dataDir, encryptionKey: key });
    expect(await reopened.call('session.get', {})).toMatchObject({
      ok: true,
      value: { pendingVerification: registered.ok ? registered.value : null, lastServiceUrl: test.service.url },
    });

    const wrong = await reopened.call('account.verifyEmail', { serviceUrl: test.service.url, userId: account.userId, code: code === '000000' ? '111111' : '000000' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'RULE', message: expect.stringMatching(/^That code does not work/), fields: { code: expect.any(String) } } });

    expect(await reopened.call('account.verifyEmail', { serviceUrl: test.service.url, userId: account.userId, code })).toEqual({ ok: true, value: { userId: account.userId.toLowerCase() } });
    expect(await reopened.call('session.get', {})).toMatchObject({ ok: true, value: { pendingVerification: null, lastServiceUrl: test.service.url } });
    // The account works: it signs in.
    expect(await reopened.call('session.signIn', { serviceUrl: test.service.url, userId: account.userId, password: account.password })).toMatchObject({
      ok: true,
      value: { user: { userId: account.userId.toLowerCase(), name: 'Jordan Rivera' } },
    });
  });

  it('verifies with the link pasted from the e-mail (the app link or the web link), and refuses a mangled one', async () => {
    const core = desktops.fresh();
    const first = newAccount();
    expect(await core.call('account.register', first)).toMatchObject({ ok: true });
    const { appLink } = await verificationMail(test, first.email);
    expect(await core.call('account.verifyEmail', { serviceUrl: test.service.url, link: ` ${appLink} ` })).toEqual({ ok: true, value: { userId: first.userId.toLowerCase() } });
    expect(await core.call('session.get', {})).toMatchObject({ ok: true, value: { pendingVerification: null } });

    const second = newAccount();
    expect(await core.call('account.register', second)).toMatchObject({ ok: true });
    const { webLink } = await verificationMail(test, second.email);
    expect(await core.call('account.verifyEmail', { serviceUrl: test.service.url, link: webLink.slice(0, -8) + 'QQQQQQQQ' })).toMatchObject({
      ok: false,
      error: { code: 'RULE', fields: { link: expect.any(String) } },
    });
    expect(await core.call('account.verifyEmail', { serviceUrl: test.service.url, link: 'https://plan.example.com/reset?token=abcdefghijklmnopqrstuvwxyz' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: 'This is not a GroupDesk verification link.', fields: { link: expect.any(String) } },
    });
    // The failed attempts left the registration waiting here.
    expect(await core.call('session.get', {})).toMatchObject({ ok: true, value: { pendingVerification: { userId: second.userId.toLowerCase() } } });
    expect(await core.call('account.verifyEmail', { serviceUrl: test.service.url, link: webLink })).toEqual({ ok: true, value: { userId: second.userId.toLowerCase() } });
  });

  it('sends a new code on request (the earlier one stops working) and forgets a registration the user abandons', async () => {
    const core = desktops.fresh();
    const account = newAccount();
    expect(await core.call('account.register', account)).toMatchObject({ ok: true });
    const earlier = await verificationMail(test, account.email);

    expect(await core.call('account.resendVerification', { serviceUrl: test.service.url, userId: account.userId })).toEqual({
      ok: true,
      value: { message: expect.stringContaining('Codes from earlier e-mails no longer work') },
    });
    const later = await verificationMail(test, account.email, 1);
    expect(await core.call('account.verifyEmail', { serviceUrl: test.service.url, link: earlier.appLink })).toMatchObject({ ok: false, error: { code: 'RULE' } });

    expect(await core.call('account.cancelVerification', {})).toEqual({ ok: true, value: {} });
    expect(await core.call('session.get', {})).toMatchObject({ ok: true, value: { pendingVerification: null, lastServiceUrl: test.service.url } });
    // The user ID stays at the plan: the newer code still verifies it.
    expect(await core.call('account.verifyEmail', { serviceUrl: test.service.url, userId: account.userId, code: later.code })).toMatchObject({ ok: true });
  });

  it('names the field the plan refuses, and changes nothing here when the service cannot be reached', async () => {
    const core = desktops.fresh();
    const account = newAccount();
    expect(await core.call('account.register', account)).toMatchObject({ ok: true });
    expect(await core.call('account.register', { ...account, email: `other.${account.email}` })).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { userId: 'Taken' } } });
    expect(await core.call('account.register', { ...newAccount(), password: 'short' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { password: expect.any(String) } } });

    const offline = desktops.fresh();
    const refused = await offline.call('account.register', { ...newAccount(), serviceUrl: 'http://127.0.0.1:1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'OFFLINE', fields: { serviceUrl: 'Cannot be reached' } } });
    expect(await offline.call('session.get', {})).toMatchObject({ ok: true, value: { pendingVerification: null, lastServiceUrl: null } });
  });

  it('changes the password of the signed-in user, signing out their other sessions', async () => {
    const user = await test.service.signUpUser();
    const core = desktops.fresh();
    expect(await core.call('account.changePassword', { currentPassword: user.password, newPassword: 'Another-Long-Passphrase-7' })).toMatchObject({ ok: false, error: { code: 'AUTH' } });
    expect(await core.call('session.signIn', { serviceUrl: test.service.url, userId: user.userId, password: user.password })).toMatchObject({ ok: true });

    expect(await core.call('account.changePassword', { currentPassword: 'not-my-password', newPassword: 'Another-Long-Passphrase-7' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { currentPassword: 'Not right' } },
    });
    expect(await core.call('account.changePassword', { currentPassword: user.password, newPassword: 'Another-Long-Passphrase-7' })).toEqual({ ok: true, value: { endedSessions: 1 } });
    // The session the test service opened at sign-up is the other one: it ended; this desktop's goes on.
    expect((await test.service.api('GET', '/v1/me', { token: user.token })).status).toBe(401);
    // The screen lock here follows: it opens with the new password only.
    expect(await core.call('session.lock', {})).toMatchObject({ ok: true, value: { locked: true } });
    expect(await core.call('session.unlock', { password: user.password })).toMatchObject({ ok: false });
    expect(await core.call('session.unlock', { password: 'Another-Long-Passphrase-7' })).toMatchObject({ ok: true, value: { locked: false } });
    expect(await core.call('session.signIn', { serviceUrl: test.service.url, userId: user.userId, password: 'Another-Long-Passphrase-7' })).toMatchObject({ ok: true });
  });
});
