import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreEvent } from '@shared/contract/events';
import type { MethodOutput } from '@shared/contract';
import { createCore } from '../../core';
import { isQuiet, startSyncTestService, tempDataDir, waitForSync, type SyncTestService } from '../../test-support/plan-service';

const lockedRefusal = { ok: false, error: { code: 'AUTH', message: 'GroupDesk is locked. Enter your password to continue.' } };

/** fetch with switches: `down` fails every request as an unreachable host does; `holdIdCards` leaves ID-card requests unsent. */
function network() {
  const net = {
    down: false,
    holdIdCards: false,
    fetch: (async (url, init) => {
      if (net.down || (net.holdIdCards && /\/id-card-requests$/.test(String(url)))) throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
      return fetch(url, init);
    }) as typeof fetch,
  };
  return net;
}

describe('the screen lock', () => {
  let test: SyncTestService;
  beforeAll(async () => {
    test = await startSyncTestService({ subscribers: 4 });
  }, 120_000);
  afterAll(async () => test?.close());

  it('locks a remote session, refuses all but the lock screen, stays locked across a restart and opens with the password offline', async () => {
    const dataDir = tempDataDir();
    const key = randomBytes(32);
    const net = network();
    const open = () => createCore({ dataDir, encryptionKey: key, sandbox: false, today: test.today, now: test.now, fetch: net.fetch, log: () => {} });
    const user = await test.service.signUpUser();
    await test.service.grantRole(user.userId, test.groupNumber, 'admin');
    let core = open();
    const events: CoreEvent[] = [];
    core.onEvent((event) => events.push(event));

    expect(await core.call('session.get', {})).toMatchObject({ ok: true, value: { welcome: true, locked: false, autoLockMinutes: 15, user: null } });
    const signedIn = await core.call('session.signIn', { serviceUrl: test.service.url, userId: user.userId, password: user.password });
    expect(signedIn).toMatchObject({ ok: true, value: { welcome: false, locked: false, lastServiceUrl: test.service.url, user: { userId: user.userId } } });
    await waitForSync(core, isQuiet);
    expect(await core.call('session.setAutoLock', { minutes: 5 })).toMatchObject({ ok: true, value: { autoLockMinutes: 5 } });
    expect(await core.call('session.setAutoLock', { minutes: 7 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });

    expect(await core.call('session.lock', {})).toMatchObject({ ok: true, value: { locked: true } });
    expect(events).toContainEqual({ type: 'session.changed', session: expect.objectContaining({ locked: true, autoLockMinutes: 5 }) });
    expect(await core.call('groups.list', {})).toEqual(lockedRefusal);
    expect(await core.call('members.list', { groupNumber: test.groupNumber })).toEqual(lockedRefusal);
    // Sync goes on behind the lock.
    expect(await core.call('sync.status', {})).toMatchObject({ ok: true, value: { state: 'idle', online: true } });

    await core.close();
    net.down = true;
    core = open();
    expect(await core.call('session.get', {})).toMatchObject({ ok: true, value: { locked: true, autoLockMinutes: 5, user: { userId: user.userId } } });
    expect(await core.call('groups.list', {})).toEqual(lockedRefusal);
    expect(await core.call('session.unlock', { password: 'not the password' })).toEqual({
      ok: false,
      error: { code: 'AUTH', message: 'That password is not right. 4 tries left before GroupDesk signs you out.', fields: { password: 'Wrong password' } },
    });
    expect(await core.call('session.unlock', { password: user.password })).toMatchObject({ ok: true, value: { locked: false, user: { userId: user.userId } } });
    expect(await core.call('groups.list', {})).toMatchObject({ ok: true, value: [{ groupNumber: test.groupNumber, role: 'admin' }] });
    await core.close();
  });

  // On a slow network both the sixth try (counted at once, never checked) and the fifth (once its
  // password is checked) are signing out together; on a fast one the sixth has signed out before the
  // fifth's check ends, and the fifth must still say why.
  it.each(['slow', 'fast'] as const)('counts tries sent together before checking them: the right password after five wrong ones does not open the lock (%s network)', async (network) => {
    const dataDir = tempDataDir();
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let signOuts = 0;
    const slowSignOut = (async (url, init) => {
      if (init?.method === 'DELETE' && /\/v1\/sessions\/current$/.test(String(url))) {
        signOuts += 1;
        if (signOuts === 2 || network === 'fast') release();
        await held;
      }
      return fetch(url, init);
    }) as typeof fetch;
    const core = createCore({ dataDir, encryptionKey: randomBytes(32), sandbox: false, today: test.today, now: test.now, fetch: slowSignOut, log: () => {} });
    const user = await test.service.signUpUser();
    await test.service.grantRole(user.userId, test.groupNumber, 'admin');
    expect(await core.call('session.signIn', { serviceUrl: test.service.url, userId: user.userId, password: user.password })).toMatchObject({ ok: true });
    await waitForSync(core, isQuiet);
    expect(await core.call('session.lock', {})).toMatchObject({ ok: true, value: { locked: true } });
    const tries = [...['one', 'two', 'three', 'four', 'five'].map((guess) => core.call('session.unlock', { password: guess })), core.call('session.unlock', { password: user.password })];
    const answers = await Promise.all(tries);
    const signedOut = { ok: false, error: { code: 'AUTH', message: 'Five wrong passwords: GroupDesk signed you out. Sign in again to continue; your unsent changes are kept.' } };
    expect(answers[4]).toMatchObject(signedOut);
    expect(answers[5]).toMatchObject(signedOut);
    expect(await core.call('session.get', {})).toMatchObject({ ok: true, value: { user: null, locked: false } });
    const notices = await core.call('notifications.list', { limit: 50 });
    expect(notices.ok && (notices.value as MethodOutput<'notifications.list'>).items.filter((n) => n.title === 'Signed out after five wrong passwords')).toHaveLength(1);
    await core.close();
  });

  it('signs out after five wrong passwords (counted across a restart) and keeps the changes waiting to be sent', async () => {
    const dataDir = tempDataDir();
    const key = randomBytes(32);
    const net = network();
    const open = () => createCore({ dataDir, encryptionKey: key, sandbox: false, today: test.today, now: test.now, fetch: net.fetch, log: () => {} });
    const user = await test.service.signUpUser();
    await test.service.grantRole(user.userId, test.groupNumber, 'admin');
    let core = open();
    expect(await core.call('session.signIn', { serviceUrl: test.service.url, userId: user.userId, password: user.password })).toMatchObject({ ok: true });
    await waitForSync(core, isQuiet);
    net.holdIdCards = true;
    const roster = await core.call('members.list', { groupNumber: test.groupNumber, limit: 1 });
    const memberId = roster.ok ? (roster.value as MethodOutput<'members.list'>).rows[0]?.memberId : undefined;
    expect(memberId).toEqual(expect.any(String));
    const submitted = await core.call('transactions.submit', { groupNumber: test.groupNumber, transaction: { kind: 'id_cards', request: { memberIds: [memberId], reason: 'lost', shipTo: 'member' } } });
    expect(submitted).toMatchObject({ ok: true });
    expect(await core.call('session.lock', {})).toMatchObject({ ok: true, value: { locked: true } });

    for (const left of ['4 tries', '3 tries']) {
      expect(await core.call('session.unlock', { password: 'guess' })).toMatchObject({ ok: false, error: { code: 'AUTH', message: `That password is not right. ${left} left before GroupDesk signs you out.` } });
    }
    await core.close();
    core = open();
    const events: CoreEvent[] = [];
    core.onEvent((event) => events.push(event));
    for (const left of ['2 tries', '1 try']) {
      expect(await core.call('session.unlock', { password: 'guess' })).toMatchObject({ ok: false, error: { code: 'AUTH', message: `That password is not right. ${left} left before GroupDesk signs you out.` } });
    }
    expect(await core.call('session.unlock', { password: 'guess' })).toMatchObject({
      ok: false,
      error: { code: 'AUTH', message: 'Five wrong passwords: GroupDesk signed you out. Sign in again to continue; your unsent changes are kept.' },
    });
    expect(events).toContainEqual({ type: 'session.changed', session: expect.objectContaining({ user: null, locked: false }) });
    expect(events).toContainEqual(expect.objectContaining({ type: 'notification.created', kind: 'sync.problem', title: 'Signed out after five wrong passwords' }));
    expect(await core.call('sync.status', {})).toMatchObject({ ok: true, value: { state: 'signed_out', pending: 1 } });
    expect(await core.call('groups.list', {})).toEqual({ ok: true, value: [] });

    // Signing in again starts unlocked with five tries, and the kept change goes out.
    net.holdIdCards = false;
    expect(await core.call('session.signIn', { serviceUrl: test.service.url, userId: user.userId, password: user.password })).toMatchObject({ ok: true, value: { locked: false } });
    expect(await waitForSync(core, isQuiet)).toMatchObject({ pending: 0, rejected: 0 });
    await core.close();
  });
});
