import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParser } from 'eventsource-parser';
import { accountAnnouncement, type AccountAnnouncement } from '@shared/plan-api/accounts';
import { backends } from '../test-support/backends';
import { startTestService, type SignedUpUser, type TestService } from '../test-support/test-service';

const requestForm = (groupNumber: string) => ({
  companyName: 'Harbor Freight Co',
  groupNumber,
  officerName: 'Robin Officer',
  officerTitle: 'Treasurer',
  contactPhone: '(555) 010-2000',
  contactEmail: 'robin@harbor.example',
  attestation: true,
});

/** A user's open GET /v1/me/stream: the announcements received so far, and a way to wait for the next. */
interface AccountStream {
  received: AccountAnnouncement['reason'][];
  /** Resolves once `count` announcements have arrived in all. */
  waitFor(count: number): Promise<AccountAnnouncement['reason'][]>;
  close(): Promise<void>;
}

async function openStream(service: TestService, token: string): Promise<AccountStream> {
  const controller = new AbortController();
  const response = await fetch(`${service.url}/v1/me/stream`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const received: AccountAnnouncement['reason'][] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let listening: () => void = () => undefined;
  const opened = new Promise<void>((resolve) => (listening = resolve));
  const parser = createParser({
    onComment: (comment) => {
      if (comment.trim() === 'listening') listening();
    },
    onEvent(event) {
      expect(event.event).toBe('account');
      received.push(accountAnnouncement.parse(JSON.parse(event.data)).reason);
      for (const w of waiters.splice(0)) {
        if (received.length >= w.count) w.resolve();
        else waiters.push(w);
      }
    },
  });
  const reading = (async () => {
    const decoder = new TextDecoder();
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) parser.feed(decoder.decode(chunk, { stream: true }));
  })().catch(() => undefined);
  await opened;
  return {
    received,
    waitFor: (count) =>
      new Promise((resolve) => {
        const done = () => resolve(received.slice(0, count));
        if (received.length >= count) done();
        else waiters.push({ count, resolve: done });
      }),
    async close() {
      controller.abort();
      await reading;
    },
  };
}

describe.each(backends())('the signed-in user’s own stream (%s)', (backend) => {
  let service: TestService;
  let admin: SignedUpUser;
  const group = '7300';

  beforeAll(async () => {
    service = await startTestService({ backend });
    await service.createGroup(group);
    admin = await service.signUpUser({ name: 'Robin Admin' });
    await service.grantRole(admin.userId, group, 'primary_admin');
  });
  afterAll(() => service?.close());

  it('refuses a stream without a session', async () => {
    const response = await fetch(`${service.url}/v1/me/stream`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'AUTH' });
  });

  it('announces an access request decided by the operator, approved or rejected', async () => {
    await service.createGroup('7301');
    const requester = await service.signUpUser();
    const stream = await openStream(service, requester.token);
    const approved = await service.api<{ confirmationNumber: string }>('POST', '/v1/access-requests', { token: requester.token, body: requestForm('7301') });
    const rejected = await service.api<{ confirmationNumber: string }>('POST', '/v1/access-requests', { token: requester.token, body: requestForm('7399') });
    await service.ops(['approve', approved.body.confirmationNumber]);
    expect(await stream.waitFor(1)).toEqual(['access_request']);
    await service.ops(['reject', rejected.body.confirmationNumber, '--reason', 'No such group on file.']);
    expect(await stream.waitFor(2)).toEqual(['access_request', 'access_request']);
    await stream.close();
  });

  it('announces a redeemed code, a role change and a removal to that user only', async () => {
    const invitee = await service.signUpUser({ email: 'stream-invitee@example.com' });
    const bystander = await service.signUpUser();
    await service.grantRole(bystander.userId, group, 'read_only');
    const mine = await openStream(service, invitee.token);
    const theirs = await openStream(service, bystander.token);

    await service.api('POST', `/v1/groups/${group}/invitations`, { token: admin.token, body: { name: 'Stream Invitee', email: 'stream-invitee@example.com', role: 'read_only' } });
    const mail = await service.mail.waitForMail((m) => m.to.includes('stream-invitee@example.com') && m.subject.startsWith('You are invited'));
    const code = /access code is (\S+)\n/.exec(mail.text)?.[1] ?? '';
    expect((await service.api('POST', '/v1/invitations/redeem', { token: invitee.token, body: { code } })).status).toBe(200);
    expect(await mine.waitFor(1)).toEqual(['role']);

    expect((await service.api('PATCH', `/v1/groups/${group}/users/${bystander.userId}`, { token: admin.token, body: { role: 'billing' } })).status).toBe(200);
    expect(await theirs.waitFor(1)).toEqual(['role']);

    expect((await service.api('DELETE', `/v1/groups/${group}/users/${invitee.userId}`, { token: admin.token })).status).toBe(200);
    expect(await mine.waitFor(2)).toEqual(['role', 'role']);
    // Announcements reach streams in commit order: the bystander's change came between the two of the invitee's.
    expect(mine.received).toHaveLength(2);
    expect(theirs.received).toHaveLength(1);
    await Promise.all([mine.close(), theirs.close()]);
  });
});
