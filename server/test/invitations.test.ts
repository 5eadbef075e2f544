import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { ACCESS_CODE_ATTEMPTS, type GroupUsersResponse, type Invitation } from '@shared/plan-api/invitations';
import { backends } from '../test-support/backends';
import { DAY, MINUTE } from '../test-support/clock';
import { tableRowCounts } from '../test-support/row-counts';
import { startTestService, type SignedUpUser, type TestService } from '../test-support/test-service';

describe.each(backends())('invitations and access codes (%s)', (backend) => {
  let service: TestService;
  let admin: SignedUpUser;
  let groupCounter = 7100;

  beforeAll(async () => {
    service = await startTestService({ backend });
  });
  afterAll(() => service?.close());

  /** A fresh group with its own primary administrator, named so mails can say who invited. */
  async function newGroup(): Promise<string> {
    const group = String(groupCounter++);
    await service.createGroup(group, { name: `Bright Bakery ${group}` });
    admin = await service.signUpUser({ name: 'Robin Admin' });
    await service.grantRole(admin.userId, group, 'primary_admin');
    return group;
  }

  /** The code in the next invitation mail to the address not read yet (a resend sends another). */
  const read = new Set<unknown>();
  async function codeMailedTo(email: string, group: string): Promise<{ code: string; text: string }> {
    const mail = await service.mail.waitForMail((m) => m.to.includes(email.toLowerCase()) && m.subject === `You are invited to group ${group} on GroupDesk` && !read.has(m));
    read.add(mail);
    const code = /access code is ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})\n/.exec(mail.text)?.[1];
    if (!code) throw new Error(`No code in: ${mail.text}`);
    return { code, text: mail.text };
  }

  async function invite(group: string, email: string, role = 'read_only'): Promise<{ invitation: Invitation; code: string; text: string }> {
    const response = await service.api<Invitation>('POST', `/v1/groups/${group}/invitations`, { token: admin.token, body: { name: 'Jamie Invitee', email, role } });
    expect(response.status).toBe(201);
    return { invitation: response.body, ...(await codeMailedTo(email, group)) };
  }

  /** A new session (the old one lapses when a test moves the clock past a week). */
  async function signIn(user: SignedUpUser): Promise<SignedUpUser> {
    const session = await service.api<{ token: string }>('POST', '/v1/sessions', { body: { userId: user.userId, password: user.password } });
    return { ...user, token: session.body.token };
  }

  const redeem = (token: string, code: string) => service.api('POST', '/v1/invitations/redeem', { token, body: { code } });

  it('e-mails a formatted code with the inviter, company, role, expiry and how to redeem; the invitation lists as pending', async () => {
    const group = await newGroup();
    service.clock.set('2026-11-27T15:00:00Z');
    const { invitation, text } = await invite(group, 'Jamie.Invitee@Example.com', 'billing');
    expect(invitation).toMatchObject({ groupNumber: group, name: 'Jamie Invitee', email: 'jamie.invitee@example.com', role: 'billing', status: 'pending', invitedBy: admin.userId, expiresAt: expect.stringMatching(/^2026-12-04T15:00:00/), acceptedBy: null });
    expect(text).toContain('Robin Admin invited you');
    expect(text).toContain(`Bright Bakery ${group} (group ${group})`);
    expect(text).toContain('with the role Billing');
    expect(text).toContain('expires on 12/04/2026 15:00 UTC');
    expect(text).toContain(`sign in if you already have an account, in GroupDesk with the plan service at ${service.url}`);
    expect(text).toContain('Open Access');
    const listed = await service.api<GroupUsersResponse>('GET', `/v1/groups/${group}/users`, { token: admin.token });
    expect(listed.status).toBe(200);
    expect(listed.body.invitations).toEqual([invitation]);
    expect(listed.body.users).toEqual([expect.objectContaining({ userId: admin.userId, role: 'primary_admin', grantedBy: 'ops:test' })]);
    const stored = await service.db.execute<{ access_code_hash: string }>(sql`SELECT access_code_hash FROM invitations WHERE id = ${invitation.id}`);
    expect(stored.rows[0]?.access_code_hash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await service.db.execute<{ action: string; actor: string }>(sql`SELECT action, actor FROM audit_log WHERE target = ${`invitation:${invitation.id}`}`);
    expect(audit.rows).toEqual([{ action: 'invitation.create', actor: admin.userId }]);
  });

  it('refuses a second pending invitation to the same address, and one to a current user, writing nothing', async () => {
    const group = await newGroup();
    await invite(group, 'twice@example.com');
    const before = await tableRowCounts(service.db);
    const again = await service.api('POST', `/v1/groups/${group}/invitations`, { token: admin.token, body: { name: 'Twice', email: 'TWICE@example.com', role: 'admin' } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already has a pending invitation .*resend it instead/), fields: { email: expect.any(String) } });
    const self = await service.api('POST', `/v1/groups/${group}/invitations`, { token: admin.token, body: { name: 'Me', email: admin.email, role: 'admin' } });
    expect(self.status).toBe(409);
    expect(self.body.message).toMatch(/already has access to group \d+ as Primary administrator/);
    expect(await tableRowCounts(service.db)).toEqual(before);
  });

  it('lets only a primary administrator invite, resend or revoke', async () => {
    const group = await newGroup();
    const hr = await service.signUpUser();
    await service.grantRole(hr.userId, group, 'admin');
    const body = { name: 'Someone', email: 'someone@example.com', role: 'read_only' };
    expect((await service.api('POST', `/v1/groups/${group}/invitations`, { token: hr.token, body })).status).toBe(403);
    expect((await service.api('GET', `/v1/groups/${group}/users`, { token: hr.token })).status).toBe(403);
    const { invitation } = await invite(group, 'someone@example.com');
    expect((await service.api('POST', `/v1/groups/${group}/invitations/${invitation.id}/resend`, { token: hr.token })).status).toBe(403);
    expect((await service.api('DELETE', `/v1/groups/${group}/invitations/${invitation.id}`, { token: hr.token })).status).toBe(403);
  });

  it('redeems the code once: the invitee gains the role, the invitation is accepted, the feed and audit record it', async () => {
    const group = await newGroup();
    const invitee = await service.signUpUser({ name: 'Jamie Invitee', email: 'jamie@example.com' });
    const { invitation, code } = await invite(group, 'jamie@example.com', 'read_only');
    const typed = code.toLowerCase().replace(/-/g, ' ');
    const redeemed = await redeem(invitee.token, typed);
    expect(redeemed.status).toBe(200);
    expect(redeemed.body).toEqual({ groupNumber: group, name: `Bright Bakery ${group}`, role: 'read_only' });
    const me = await service.api<{ groups: unknown[] }>('GET', '/v1/me', { token: invitee.token });
    expect(me.body.groups).toEqual([expect.objectContaining({ groupNumber: group, role: 'read_only', permissions: ['members.read', 'billing.read'] })]);
    const listed = await service.api<GroupUsersResponse>('GET', `/v1/groups/${group}/users`, { token: admin.token });
    expect(listed.body.invitations[0]).toMatchObject({ id: invitation.id, status: 'accepted', acceptedBy: invitee.userId });
    const feed = await service.api<{ changes: { entity: string; entityId: string; payload: unknown }[] }>('GET', `/v1/groups/${group}/changes?after=0`, { token: invitee.token });
    expect(feed.body.changes.at(-1)).toMatchObject({ entity: 'user', entityId: invitee.userId, payload: { userId: invitee.userId, name: 'Jamie Invitee', role: 'read_only', status: 'active' } });
    const audit = await service.db.execute<{ action: string }>(sql`SELECT action FROM audit_log WHERE actor = ${invitee.userId} AND action LIKE 'invitation.%'`);
    expect(audit.rows).toEqual([{ action: 'invitation.accept' }]);
    const reuse = await redeem(invitee.token, code);
    expect(reuse.status).toBe(422);
    expect(reuse.body).toMatchObject({ code: 'RULE', message: 'This access code was already used.' });
  });

  it('says why a real code cannot be used: another address (masked), withdrawn, expired, replaced by a resend', async () => {
    const group = await newGroup();
    let invitee = await service.signUpUser({ email: 'casey@example.com' });
    const stranger = await service.signUpUser();
    const first = await invite(group, 'casey@example.com');
    const mismatch = await redeem(stranger.token, first.code);
    expect(mismatch.status).toBe(422);
    expect(mismatch.body).toMatchObject({ code: 'RULE', message: 'This access code was sent to c***@example.com. Sign in with the account registered to that address.', fields: { code: expect.any(String) } });

    // A resend right away would only flood the inbox.
    const tooSoon = await service.api('POST', `/v1/groups/${group}/invitations/${first.invitation.id}/resend`, { token: admin.token });
    expect(tooSoon.status).toBe(422);
    expect(tooSoon.body).toMatchObject({ code: 'RULE', message: expect.stringMatching(/^A code went to casey@example\.com at \d{4}-\d\d-\d\dT\d\d:\d\dZ\. .* you can send a new one after \d{4}-\d\d-\d\dT\d\d:\d\dZ\.$/) });
    service.clock.advance(5 * MINUTE);
    const resent = await service.api<Invitation>('POST', `/v1/groups/${group}/invitations/${first.invitation.id}/resend`, { token: admin.token });
    expect(resent.status).toBe(200);
    expect(resent.body).toMatchObject({ id: first.invitation.id, status: 'pending' });
    const { code: newCode } = await codeMailedTo('casey@example.com', group);
    expect(newCode).not.toBe(first.code);
    const old = await redeem(invitee.token, first.code);
    expect(old.body.message).toMatch(/^That access code is not right\. \d tries left\.$/);

    service.clock.advance(8 * DAY);
    invitee = await signIn(invitee);
    admin = await signIn(admin);
    const expired = await redeem(invitee.token, newCode);
    expect(expired.body.message).toMatch(/^This access code expired on \d{4}-\d{2}-\d{2}\. Ask Robin Admin to send a new one\.$/);
    const listed = await service.api<GroupUsersResponse>('GET', `/v1/groups/${group}/users`, { token: admin.token });
    expect(listed.body.invitations[0]).toMatchObject({ status: 'expired' });

    const revoked = await service.api<Invitation>('DELETE', `/v1/groups/${group}/invitations/${first.invitation.id}`, { token: admin.token });
    expect(revoked.body).toMatchObject({ status: 'revoked' });
    expect((await service.api('DELETE', `/v1/groups/${group}/invitations/${first.invitation.id}`, { token: admin.token })).body).toEqual(revoked.body);
    expect((await redeem(invitee.token, newCode)).body.message).toBe("This invitation was withdrawn by the group's administrator.");
    expect((await service.api('POST', `/v1/groups/${group}/invitations/${first.invitation.id}/resend`, { token: admin.token })).status).toBe(409);
    const actions = await service.db.execute<{ action: string }>(sql`SELECT action FROM audit_log WHERE target = ${`invitation:${first.invitation.id}`} ORDER BY id`);
    expect(actions.rows.map((r) => r.action)).toEqual(['invitation.create', 'invitation.resend', 'invitation.revoke']);
  });

  it('refuses a code for a group the user is already in', async () => {
    const group = await newGroup();
    const member = await service.signUpUser({ email: 'already@example.com' });
    const { code } = await invite(group, 'already@example.com');
    await service.grantRole(member.userId, group, 'billing');
    const answer = await redeem(member.token, code);
    expect(answer.status).toBe(409);
    expect(answer.body.message).toBe(`You already have access to group ${group} as Billing.`);
  });

  it(`locks code entry after ${ACCESS_CODE_ATTEMPTS} wrong codes in the window, even the right code, until the window passes`, async () => {
    const group = await newGroup();
    const guesser = await service.signUpUser({ email: 'guesser@example.com' });
    const { code } = await invite(group, 'guesser@example.com');
    service.clock.set('2026-11-27T10:00:00Z');
    const messages: string[] = [];
    for (let i = 0; i < ACCESS_CODE_ATTEMPTS - 1; i++) messages.push(String((await redeem(guesser.token, 'AAAA-AAAA-AAAA')).body.message));
    expect(messages).toEqual(['That access code is not right. 4 tries left.', 'That access code is not right. 3 tries left.', 'That access code is not right. 2 tries left.', 'That access code is not right. 1 try left.']);
    const last = await redeem(guesser.token, 'AAAA-AAAA-AAAB');
    expect(last.status).toBe(429);
    expect(last.body).toEqual({ code: 'RULE', message: 'Too many wrong access codes: try again after 2026-11-27T10:15Z.' });
    expect(Number(last.headers.get('retry-after'))).toBe(15 * 60);
    service.clock.advance(14 * MINUTE);
    const stillLocked = await redeem(guesser.token, code);
    expect(stillLocked.status).toBe(429);
    expect(Number(stillLocked.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    service.clock.advance(MINUTE);
    const opened = await redeem(guesser.token, code);
    expect(opened.status).toBe(200);
    const attempts = await service.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM access_code_attempts WHERE user_id = ${guesser.userId} AND NOT succeeded`);
    expect(attempts.rows[0]?.n).toBe(ACCESS_CODE_ATTEMPTS);
  });

  it('judges a burst of concurrent codes one after the other: none is looked up once code entry is locked', async () => {
    const guesser = await service.signUpUser();
    service.clock.set('2026-11-27T11:00:00Z');
    const answers = await Promise.all(Array.from({ length: 3 * ACCESS_CODE_ATTEMPTS }, () => redeem(guesser.token, 'AAAA-AAAA-AAAA')));
    expect(answers.filter((a) => a.status === 422)).toHaveLength(ACCESS_CODE_ATTEMPTS - 1);
    expect(answers.filter((a) => a.status === 429)).toHaveLength(2 * ACCESS_CODE_ATTEMPTS + 1);
    const attempts = await service.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM access_code_attempts WHERE user_id = ${guesser.userId}`);
    expect(attempts.rows[0]?.n).toBe(ACCESS_CODE_ATTEMPTS);
  });

  it('refuses a malformed code as bad input, without counting it', async () => {
    const user = await service.signUpUser();
    const answer = await redeem(user.token, 'ABC');
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'VALIDATION', fields: { code: expect.stringMatching(/12 letters and digits/) } });
    expect((await redeem(user.token, 'AAAA-AAAA-AAAA')).body.message).toBe('That access code is not right. 4 tries left.');
  });
});
