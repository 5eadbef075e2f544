import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { backends } from '../test-support/backends';
import { startTestService, type TestService } from '../test-support/test-service';
import { tableRowCounts } from '../test-support/row-counts';

const form = (groupNumber: string) => ({
  companyName: 'Bright Bakery LLC',
  groupNumber,
  officerName: 'Robin Officer',
  officerTitle: 'Chief Financial Officer',
  contactPhone: '(555) 010-2000',
  contactEmail: 'robin@brightbakery.example',
  attestation: true,
});

describe.each(backends())('primary-administrator requests (%s)', (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ backend });
  });
  afterAll(() => service?.close());

  it.each([
    ['the day before Thanksgiving', '2026-11-25T15:00:00Z', '2026-12-03'],
    ['a Friday before Christmas', '2026-12-18T15:00:00Z', '2026-12-28'],
    ['a Saturday', '2026-06-06T12:00:00Z', '2026-06-12'],
  ])('files a request on %s: confirmation number and completion 5 business days later', async (_when, now, expected) => {
    service.clock.set(now);
    const user = await service.signUpUser();
    const response = await service.api('POST', '/v1/access-requests', { token: user.token, body: form('6100') });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ confirmationNumber: expect.stringMatching(new RegExp(`^PA-${now.slice(0, 4)}-\\d{6}$`)), status: 'pending', expectedCompletion: expected, groupNumber: '6100' });
    const ack = await service.mail.waitForMail((m) => m.to.includes(user.email) && m.subject.includes(String(response.body.confirmationNumber)));
    expect(ack.text).toContain(expected);
  });

  it('gives every request its own confirmation number and lists the user’s own requests, newest first', async () => {
    const user = await service.signUpUser();
    const first = await service.api('POST', '/v1/access-requests', { token: user.token, body: form('6201') });
    service.clock.advance(1000);
    const second = await service.api('POST', '/v1/access-requests', { token: user.token, body: form('6202') });
    expect(first.body.confirmationNumber).not.toBe(second.body.confirmationNumber);
    const other = await service.signUpUser();
    await service.api('POST', '/v1/access-requests', { token: other.token, body: form('6203') });
    const list = await service.api<{ requests: { confirmationNumber: string }[] }>('GET', '/v1/access-requests', { token: user.token });
    expect(list.body.requests.map((r) => r.confirmationNumber)).toEqual([second.body.confirmationNumber, first.body.confirmationNumber]);
  });

  it('refuses a second pending request for the same group', async () => {
    const user = await service.signUpUser();
    const first = await service.api('POST', '/v1/access-requests', { token: user.token, body: form('6300') });
    const before = await tableRowCounts(service.db);
    const again = await service.api('POST', '/v1/access-requests', { token: user.token, body: form('6300') });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain(String(first.body.confirmationNumber));
    expect(await tableRowCounts(service.db)).toEqual(before);
  });

  it('replays an Idempotency-Key: same answer, nothing filed twice; a different request with it is a conflict', async () => {
    const user = await service.signUpUser();
    const headers = { 'idempotency-key': 'retry-0001-abcdef' };
    const first = await service.api('POST', '/v1/access-requests', { token: user.token, body: form('6400'), headers });
    const before = await tableRowCounts(service.db);
    const mailsBefore = service.mail.received.length;
    const replay = await service.api('POST', '/v1/access-requests', { token: user.token, body: form('6400'), headers });
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(await tableRowCounts(service.db)).toEqual(before);
    expect(service.mail.received.length).toBe(mailsBefore);
    const misuse = await service.api('POST', '/v1/access-requests', { token: user.token, body: form('6401'), headers });
    expect(misuse.status).toBe(409);
    expect(misuse.body).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/different request/) });
  });

  it('runs concurrent replays of one Idempotency-Key once', async () => {
    const user = await service.signUpUser();
    const headers = { 'idempotency-key': 'concurrent-key-0001' };
    const answers = await Promise.all(Array.from({ length: 5 }, () => service.api('POST', '/v1/access-requests', { token: user.token, body: form('6500'), headers })));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.body.confirmationNumber)).size).toBe(1);
    const filed = await service.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM access_requests WHERE user_id = ${user.userId}`);
    expect(filed.rows[0]?.n).toBe(1);
  });

  it('ops approve makes the requester primary administrator and e-mails that access is ready', async () => {
    await service.createGroup('6600', { name: 'Bright Bakery' });
    const user = await service.signUpUser();
    const filed = await service.api('POST', '/v1/access-requests', { token: user.token, body: form('6600') });
    const confirmation = String(filed.body.confirmationNumber);
    const listed = await service.ops(['requests']);
    expect(listed.some((line) => line.startsWith(confirmation) && line.includes(user.userId))).toBe(true);
    const printed = await service.ops(['approve', confirmation]);
    expect(printed.join('\n')).toMatch(/now primary administrator of group 6600/);
    const mail = await service.mail.waitForMail((m) => m.to.includes(user.email) && /access to group 6600 is ready/.test(m.subject));
    expect(mail.text).toContain(confirmation);
    const me = await service.api<{ groups: unknown[] }>('GET', '/v1/me', { token: user.token });
    expect(me.body.groups).toEqual([expect.objectContaining({ groupNumber: '6600', role: 'primary_admin' })]);
    const list = await service.api<{ requests: { status: string }[] }>('GET', '/v1/access-requests', { token: user.token });
    expect(list.body.requests[0]?.status).toBe('approved');
    await expect(service.ops(['approve', confirmation])).rejects.toThrow(/already approved/);
  });

  it('ops approve refuses a request for a group that does not exist yet', async () => {
    const user = await service.signUpUser();
    const filed = await service.api('POST', '/v1/access-requests', { token: user.token, body: form('6699') });
    await expect(service.ops(['approve', String(filed.body.confirmationNumber)])).rejects.toThrow(/Create it first/);
  });

  it('ops reject records the reason and e-mails it', async () => {
    const user = await service.signUpUser();
    const filed = await service.api('POST', '/v1/access-requests', { token: user.token, body: form('6700') });
    const confirmation = String(filed.body.confirmationNumber);
    await service.ops(['reject', confirmation, '--reason', 'The officer named is not on file for this group.']);
    const mail = await service.mail.waitForMail((m) => m.to.includes(user.email) && /not approved/.test(m.subject));
    expect(mail.text).toContain('not on file');
    const list = await service.api<{ requests: { status: string; decisionReason: string }[] }>('GET', '/v1/access-requests', { token: user.token });
    expect(list.body.requests[0]).toMatchObject({ status: 'rejected', decisionReason: 'The officer named is not on file for this group.' });
  });
});
