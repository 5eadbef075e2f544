import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { goodPassword } from '../../../../server/test-support/fixtures';
import { startSyncTestService, type SyncTestService } from '../../test-support/plan-service';
import { answerOf, Desktops, hasGroup, waitForSession } from '../../test-support/account-test-kit';

describe('a group’s users, invitations and access codes from the desktop', () => {
  let test: SyncTestService;
  const desktops = new Desktops(() => test);
  /** The group's primary administrator (startSyncTestService's user). */
  const admin = () => ({ userId: test.userId, password: goodPassword });
  /** The access code in the latest invitation mail to `email`, as printed there (ABCD-EFGH-JKMN). */
  const mailedCode = async (email: string, not?: string): Promise<string> => {
    const mail = await test.service.mail.waitForMail((m) => m.to.includes(email) && /invited to group/i.test(m.subject) && (not === undefined || !m.text.includes(not)));
    const code = /\b([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\b/.exec(mail.text)?.[1];
    if (code === undefined) throw new Error('The invitation mail has no access code');
    return code;
  };

  beforeAll(async () => {
    test = await startSyncTestService({ subscribers: 3 });
  }, 120_000);
  afterEach(async () => desktops.closeAll());
  afterAll(async () => test?.close());

  it('invites a user who joins with the mailed code, then changes their role and removes them', async () => {
    const adminDesk = await desktops.signedIn(admin());
    await waitForSession(adminDesk, hasGroup(test.groupNumber, 'primary_admin'));
    const before = await answerOf(adminDesk, 'users.list', { groupNumber: test.groupNumber });
    expect(before.users).toMatchObject([{ userId: test.userId, role: 'primary_admin' }]);

    const invitee = await test.service.signUpUser({ name: 'Casey Reader' });
    const sent = await answerOf(adminDesk, 'users.invite', { groupNumber: test.groupNumber, name: 'Casey Reader', email: invitee.email.toUpperCase(), role: 'read_only' });
    expect(sent).toMatchObject({ groupNumber: test.groupNumber, email: invitee.email, role: 'read_only', status: 'pending', invitedBy: test.userId });
    expect(await adminDesk.call('users.invite', { groupNumber: test.groupNumber, name: 'Casey Reader', email: invitee.email, role: 'admin' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('resend it instead') },
    });
    const code = await mailedCode(invitee.email);

    const inviteeDesk = await desktops.signedIn(invitee);
    expect(await inviteeDesk.call('access.redeemCode', { code: code === 'AAAA-AAAA-AAAA' ? 'BBBB-BBBB-BBBB' : 'AAAA-AAAA-AAAA' })).toMatchObject({
      ok: false,
      error: { code: 'RULE', message: expect.stringMatching(/^That access code is not right\. \d+ tries left\.$/), fields: { code: expect.any(String) } },
    });
    // Typed as people do: lower case, spaces for hyphens.
    const joined = await answerOf(inviteeDesk, 'access.redeemCode', { code: ` ${code.toLowerCase().replace(/-/g, ' ')} ` });
    expect(joined).toEqual({ groupNumber: test.groupNumber, name: expect.any(String), role: 'read_only' });
    await waitForSession(inviteeDesk, hasGroup(test.groupNumber, 'read_only'));
    // Read-only: the desktop refuses what the role cannot do before asking the plan.
    expect(await inviteeDesk.call('users.list', { groupNumber: test.groupNumber })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const listed = await answerOf(adminDesk, 'users.list', { groupNumber: test.groupNumber });
    expect(listed.users).toContainEqual(expect.objectContaining({ userId: invitee.userId, name: 'Casey Reader', role: 'read_only' }));
    expect(listed.invitations).toContainEqual(expect.objectContaining({ id: sent.id, status: 'accepted', acceptedBy: invitee.userId }));

    const promoted = await answerOf(adminDesk, 'users.changeRole', { groupNumber: test.groupNumber, userId: invitee.userId, role: 'admin' });
    expect(promoted.users).toContainEqual(expect.objectContaining({ userId: invitee.userId, role: 'admin' }));
    await waitForSession(inviteeDesk, hasGroup(test.groupNumber, 'admin'));
    expect(await adminDesk.call('users.changeRole', { groupNumber: test.groupNumber, userId: test.userId, role: 'admin' })).toMatchObject({ ok: false, error: { code: 'RULE' } });

    const removed = await answerOf(adminDesk, 'users.remove', { groupNumber: test.groupNumber, userId: invitee.userId });
    expect(removed.users.map((u) => u.userId)).toEqual([test.userId]);
    // The removed user's desktop loses the group.
    await waitForSession(inviteeDesk, (session) => !hasGroup(test.groupNumber)(session));
    expect(await adminDesk.call('users.remove', { groupNumber: test.groupNumber, userId: invitee.userId })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('resends an invitation with a new code (the old one stops working) and revokes one', async () => {
    const adminDesk = await desktops.signedIn(admin());
    await waitForSession(adminDesk, hasGroup(test.groupNumber, 'primary_admin'));
    const invitee = await test.service.signUpUser();
    const sent = await answerOf(adminDesk, 'users.invite', { groupNumber: test.groupNumber, name: 'Robin Billing', email: invitee.email, role: 'billing' });
    const first = await mailedCode(invitee.email);

    // Codes are mailed again no sooner than 5 minutes after the last.
    test.service.clock.advance(5 * 60_000);
    const resent = await answerOf(adminDesk, 'users.resendInvitation', { groupNumber: test.groupNumber, invitationId: sent.id });
    expect(resent).toMatchObject({ id: sent.id, status: 'pending' });
    const second = await mailedCode(invitee.email, first);
    const revoked = await answerOf(adminDesk, 'users.revokeInvitation', { groupNumber: test.groupNumber, invitationId: sent.id });
    expect(revoked).toMatchObject({ id: sent.id, status: 'revoked' });

    const inviteeDesk = await desktops.signedIn(invitee);
    expect(await inviteeDesk.call('access.redeemCode', { code: first })).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(await inviteeDesk.call('access.redeemCode', { code: second })).toMatchObject({
      ok: false,
      error: { code: 'RULE', message: "This invitation was withdrawn by the group's administrator." },
    });
    expect(await adminDesk.call('users.revokeInvitation', { groupNumber: test.groupNumber, invitationId: 999_999 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('locks code entry after too many wrong codes, saying until when (not “busy or offline”)', async () => {
    const adminDesk = await desktops.signedIn(admin());
    await waitForSession(adminDesk, hasGroup(test.groupNumber, 'primary_admin'));
    const invitee = await test.service.signUpUser();
    await answerOf(adminDesk, 'users.invite', { groupNumber: test.groupNumber, name: 'Sam Guess', email: invitee.email, role: 'read_only' });
    const code = await mailedCode(invitee.email);
    const wrong = code.startsWith('2') ? '3333-3333-3333' : '2222-2222-2222';

    const inviteeDesk = await desktops.signedIn(invitee);
    const answers = [];
    for (let attempt = 0; attempt < 6; attempt++) answers.push(await inviteeDesk.call('access.redeemCode', { code: wrong }));
    expect(answers.at(-1)).toMatchObject({ ok: false, error: { code: 'RULE', message: expect.stringMatching(/^Too many wrong access codes: try again after \d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z\./) } });
    // While locked, even the right code waits.
    expect(await inviteeDesk.call('access.redeemCode', { code })).toMatchObject({ ok: false, error: { code: 'RULE', message: expect.stringMatching(/^Too many wrong access codes/) } });
  });

  it('needs the plan service: signed out it answers AUTH, and an unreachable service OFFLINE', async () => {
    const signedOut = desktops.fresh();
    expect(await signedOut.call('access.redeemCode', { code: 'ABCD-EFGH-JKMN' })).toMatchObject({ ok: false, error: { code: 'AUTH' } });

    let online = true;
    const cut = ((url, init) => (online ? fetch(url, init) : Promise.reject(new TypeError('fetch failed')))) as typeof fetch;
    const adminDesk = await desktops.signedIn(admin(), { fetch: cut });
    await waitForSession(adminDesk, hasGroup(test.groupNumber, 'primary_admin'));
    online = false;
    expect(await adminDesk.call('users.list', { groupNumber: test.groupNumber })).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
    expect(await adminDesk.call('users.invite', { groupNumber: test.groupNumber, name: 'Nobody Sent', email: 'nobody@example.com', role: 'read_only' })).toMatchObject({
      ok: false,
      error: { code: 'OFFLINE' },
    });
  });
});
