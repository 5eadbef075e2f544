import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_ABSOLUTE_MS } from '../src/services/accounts/sessions';
import { backends } from '../test-support/backends';
import { goodPassword } from '../test-support/fixtures';
import { startTestService, type SignedUpUser, type TestService } from '../test-support/test-service';
import { enrollment } from './eligibility-support';

/** An open SSE response: what it carried so far, and `ended`, settled when the service closes it. */
interface OpenStream {
  ended: Promise<void>;
  /** Resolves once the stream has carried `text` `times` times in all (an event the test caused), proof it is still open. */
  carries(text: string, times?: number): Promise<void>;
  close(): Promise<void>;
}

async function openStream(service: TestService, path: string, token: string): Promise<OpenStream> {
  const controller = new AbortController();
  const response = await fetch(`${service.url}${path}`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  expect(response.status).toBe(200);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  let heard: () => void = () => undefined;
  const read = async (): Promise<boolean> => {
    const chunk = await reader.read();
    if (!chunk.done) text += decoder.decode(chunk.value, { stream: true });
    heard();
    return !chunk.done;
  };
  // The first write (a comment or the head's sequence) says the stream is listening.
  expect(await read()).toBe(true);
  const ended = (async () => {
    while (await read());
  })();
  return {
    ended,
    async carries(wanted, times = 1) {
      while (text.split(wanted).length - 1 < times) {
        await Promise.race([new Promise<void>((resolve) => (heard = resolve)), ended.then(() => Promise.reject(new Error(`the stream ended before carrying ${wanted}`)))]);
      }
    },
    async close() {
      controller.abort();
      await ended.catch(() => undefined);
    },
  };
}

async function signInAgain(service: TestService, user: SignedUpUser): Promise<string> {
  const signedIn = await service.api<{ token: string }>('POST', '/v1/sessions', { body: { userId: user.userId, password: user.password } });
  expect(signedIn.status).toBe(201);
  return signedIn.body.token;
}

describe.each(backends())('event streams end with the session or access that opened them (%s)', (backend) => {
  let service: TestService;
  let admin: SignedUpUser;
  const group = '7400';
  /** The primary administrator changes the user's role, which the plan announces on the user's own stream. */
  const changeRole = async (user: SignedUpUser, role: string) =>
    expect((await service.api('PATCH', `/v1/groups/${group}/users/${user.userId}`, { token: admin.token, body: { role } })).status).toBe(200);

  beforeAll(async () => {
    service = await startTestService({ backend, streamHeartbeatMs: 50 });
    await service.createGroup(group);
    admin = await service.signUpUser();
    await service.grantRole(admin.userId, group, 'primary_admin');
  });
  afterAll(() => service?.close());

  it('ends a signed-out session’s streams at once, and only that session’s', async () => {
    const user = await service.signUpUser();
    await service.grantRole(user.userId, group, 'admin');
    const other = await signInAgain(service, user);
    const mine = await openStream(service, '/v1/me/stream', user.token);
    const feed = await openStream(service, `/v1/groups/${group}/changes/stream`, user.token);
    const theirs = await openStream(service, '/v1/me/stream', other);

    expect((await service.api('DELETE', '/v1/sessions/current', { token: user.token })).status).toBe(204);
    await Promise.all([mine.ended, feed.ended]);
    // The user's other session still hears what happens to their access.
    await changeRole(user, 'billing');
    await theirs.carries('"reason":"role"');
    // Reopening with the ended token is refused as any request with it is.
    expect((await fetch(`${service.url}/v1/me/stream`, { headers: { authorization: `Bearer ${user.token}` } })).status).toBe(401);
    await theirs.close();
  });

  it('ends the other sessions’ streams when the password changes, keeping the changing session’s', async () => {
    const user = await service.signUpUser();
    await service.grantRole(user.userId, group, 'read_only');
    const elsewhere = await signInAgain(service, user);
    const theirs = await openStream(service, '/v1/me/stream', elsewhere);
    const mine = await openStream(service, '/v1/me/stream', user.token);

    const changed = await service.api('POST', '/v1/accounts/password', { token: user.token, body: { currentPassword: user.password, newPassword: `${goodPassword}-new` } });
    expect(changed.status).toBe(200);
    await theirs.ended;
    await changeRole(user, 'billing');
    await mine.carries('"reason":"role"');
    await mine.close();
  });

  it('ends a group’s stream when the user’s role there is removed, but not when it changes to one that may still read', async () => {
    const user = await service.signUpUser();
    await service.grantRole(user.userId, group, 'admin');
    const feed = await openStream(service, `/v1/groups/${group}/changes/stream`, user.token);
    const account = await openStream(service, '/v1/me/stream', user.token);

    await changeRole(user, 'read_only');
    // Still open for a role that may read: the group's next change reaches it.
    const enrolled = await service.api('POST', `/v1/groups/${group}/enrollments`, { token: admin.token, body: enrollment(service.clock.now().toISOString().slice(0, 10)), headers: { 'idempotency-key': randomUUID() } });
    expect(enrolled.status).toBe(201);
    // The first event (the head when it opened) and the enrollment's.
    await feed.carries('event: changes', 2);
    expect((await service.api('DELETE', `/v1/groups/${group}/users/${user.userId}`, { token: admin.token })).status).toBe(200);
    await feed.ended;
    await account.carries('"reason":"role"');
    await account.close();
  });

  it('keeps a group’s stream open when the user becomes a billing user, whose feed then carries invoices only', async () => {
    const user = await service.signUpUser();
    await service.grantRole(user.userId, group, 'read_only');
    const feed = await openStream(service, `/v1/groups/${group}/changes/stream`, user.token);
    await changeRole(user, 'billing');
    const enrolled = await service.api('POST', `/v1/groups/${group}/enrollments`, { token: admin.token, body: enrollment(service.clock.now().toISOString().slice(0, 10)), headers: { 'idempotency-key': randomUUID() } });
    expect(enrolled.status).toBe(201);
    await feed.carries('event: changes', 2);
    const page = await service.api<{ changes: { entity: string }[] }>('GET', `/v1/groups/${group}/changes?after=0`, { token: user.token });
    expect(page.status).toBe(200);
    expect(page.body.changes.filter((c) => !['invoice', 'invoice_line', 'invoice_adjustment'].includes(c.entity))).toEqual([]);
    await feed.close();
  });

  it('ends a stream at the first heartbeat after its session expires', async () => {
    const user = await service.signUpUser();
    const stream = await openStream(service, '/v1/me/stream', user.token);
    service.clock.advance(SESSION_ABSOLUTE_MS + 1000);
    await stream.ended;
  });
});
