import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { backends } from '../test-support/backends';
import { startTestService, type TestService } from '../test-support/test-service';
import { goodPassword, uniqueUserId } from '../test-support/fixtures';
import { HOUR } from '../test-support/clock';
import { tableRowCounts } from '../test-support/row-counts';
import { startPlanService } from '../src/start';
import { CODE_REFUSED } from '../src/services/accounts/verification';

const codeIn = (text: string) => /code is (\d{6})/.exec(text)?.[1] ?? '';
const tokenIn = (text: string) => /verify\?token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';

describe.each(backends())('registration and e-mail verification (%s)', (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ backend });
  });
  afterAll(() => service?.close());

  const register = (body: Record<string, unknown>) => service.api('POST', '/v1/accounts', { body });
  const valid = () => {
    const userId = uniqueUserId('reg');
    return { userId, password: goodPassword, name: 'Jordan Admin', email: `${userId}@example.com` };
  };

  it.each([
    ['a user ID shorter than 6', { userId: 'abc' }, 'userId', /6 to 32/],
    ['a user ID longer than 32', { userId: 'a'.repeat(33) }, 'userId', /6 to 32/],
    ['a user ID with a space', { userId: 'bad user' }, 'userId', /letters, digits/],
    ['a password of 11 characters', { password: 'Abcdefgh-1x' }, 'password', /at least 12/],
    ['a common password', { password: 'password1234' }, 'password', /commonly used/],
    ['a common word padded with digits', { password: 'football2024!!' }, 'password', /common password with digits/],
    ['a password containing the user ID', { userId: 'jordan77', password: 'my-jordan77-secret' }, 'password', /user ID/],
    ['a repeated sequence', { password: 'abcabcabcabc' }, 'password', /repeats/],
    ['an e-mail without @', { email: 'not-an-email' }, 'email', /e-mail/],
    ['an empty name', { name: '' }, 'name', /Required/],
  ])('refuses %s with a message naming the field', async (_what, change, field, message) => {
    const response = await register({ ...valid(), ...change });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION' });
    expect((response.body.fields as Record<string, string>)[field]).toMatch(message);
  });

  it('registers, mails a code and a link, and keeps only hashes of them', async () => {
    const input = valid();
    const response = await register(input);
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ userId: input.userId, verification: { sentTo: `${input.userId.slice(0, 1)}***@example.com` } });
    const mail = await service.mail.waitForMail((m) => m.to.includes(input.email));
    expect(mail.subject).toMatch(/verification code is \d{6}/);
    expect(mail.text).toContain(`${service.url}/verify?token=`);
    expect(mail.text).toContain('groupdesk://verify?token=');
    const stored = await service.db.execute<{ token_hash: string; code_hash: string }>(
      sql`SELECT token_hash, code_hash FROM email_verifications WHERE user_id = ${input.userId}`,
    );
    const row = stored.rows[0];
    expect(row?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.token_hash).not.toBe(tokenIn(mail.text));
    expect(row?.code_hash).not.toContain(codeIn(mail.text));
  });

  it('refuses a taken user ID, whatever its case, and changes nothing', async () => {
    const input = valid();
    expect((await register(input)).status).toBe(201);
    const before = await tableRowCounts(service.db);
    const again = await register({ ...input, userId: input.userId.toUpperCase(), email: 'other@example.com' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CONFLICT', fields: { userId: 'Taken' } });
    expect(await tableRowCounts(service.db)).toEqual(before);
  });

  it('verifies with the code once; the same code again is refused', async () => {
    const input = valid();
    await register(input);
    const code = codeIn((await service.mail.waitForMail((m) => m.to.includes(input.email))).text);
    const first = await service.api('POST', '/v1/accounts/verify-email', { body: { userId: input.userId, code } });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ userId: input.userId, emailVerified: true });
    const second = await service.api('POST', '/v1/accounts/verify-email', { body: { userId: input.userId, code } });
    expect(second.status).toBe(422);
    expect(second.body).toMatchObject({ code: 'RULE', message: CODE_REFUSED });
  });

  it('verifies with the link token once', async () => {
    const input = valid();
    await register(input);
    const token = tokenIn((await service.mail.waitForMail((m) => m.to.includes(input.email))).text);
    expect((await service.api('POST', '/v1/accounts/verify-email', { body: { token } })).status).toBe(200);
    const again = await service.api('POST', '/v1/accounts/verify-email', { body: { token } });
    expect(again.status).toBe(422);
    const signIn = await service.api('POST', '/v1/sessions', { body: { userId: input.userId, password: input.password } });
    expect(signIn.status).toBe(201);
  });

  it('refuses a verification after 24 hours', async () => {
    const input = valid();
    await register(input);
    const code = codeIn((await service.mail.waitForMail((m) => m.to.includes(input.email))).text);
    service.clock.advance(24 * HOUR + 1000);
    const late = await service.api('POST', '/v1/accounts/verify-email', { body: { userId: input.userId, code } });
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ code: 'RULE', message: CODE_REFUSED });
  });

  it('spends the code after 5 wrong guesses', async () => {
    const input = valid();
    await register(input);
    const code = codeIn((await service.mail.waitForMail((m) => m.to.includes(input.email))).text);
    const wrong = code === '000000' ? '111111' : '000000';
    const answers: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await service.api('POST', '/v1/accounts/verify-email', { body: { userId: input.userId, code: wrong } });
      answers.push(String(r.body.message));
    }
    expect(new Set(answers)).toEqual(new Set([CODE_REFUSED]));
    const right = await service.api('POST', '/v1/accounts/verify-email', { body: { userId: input.userId, code } });
    expect(right.status).toBe(422);
  });

  it('resends: the new code works and the old one no longer does', async () => {
    const input = valid();
    await register(input);
    const oldCode = codeIn((await service.mail.waitForMail((m) => m.to.includes(input.email))).text);
    const resent = await service.api('POST', '/v1/accounts/resend-verification', { body: { userId: input.userId } });
    expect(resent.status).toBe(202);
    const newMail = await service.mail.waitForMail((m) => m.to.includes(input.email) && codeIn(m.text) !== oldCode && m.text.length > 0);
    const old = await service.api('POST', '/v1/accounts/verify-email', { body: { userId: input.userId, code: oldCode } });
    expect(old.status).toBe(422);
    const fresh = await service.api('POST', '/v1/accounts/verify-email', { body: { userId: input.userId, code: codeIn(newMail.text) } });
    expect(fresh.status).toBe(200);
  });

  it('answers a code for an unknown, a waiting and a verified user ID alike, so none can be told apart', async () => {
    const waiting = valid();
    await register(waiting);
    const verified = valid();
    await register(verified);
    const code = codeIn((await service.mail.waitForMail((m) => m.to.includes(verified.email))).text);
    expect((await service.api('POST', '/v1/accounts/verify-email', { body: { userId: verified.userId, code } })).status).toBe(200);
    const answers = await Promise.all(
      [uniqueUserId('nobody'), waiting.userId, verified.userId].map(async (userId) => {
        const r = await service.api('POST', '/v1/accounts/verify-email', { body: { userId, code: '000000' } });
        return { status: r.status, body: r.body };
      }),
    );
    expect(answers[0]).toEqual({ status: 422, body: { code: 'RULE', message: CODE_REFUSED, fields: { code: CODE_REFUSED } } });
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
  });

  it('answers a resend for an unknown and a waiting user ID alike', async () => {
    const waiting = valid();
    await register(waiting);
    const answers = await Promise.all(
      [uniqueUserId('nobody'), waiting.userId].map(async (userId) => {
        const r = await service.api('POST', '/v1/accounts/resend-verification', { body: { userId } });
        return { status: r.status, body: r.body };
      }),
    );
    expect(answers[0]?.status).toBe(202);
    expect(answers[1]).toEqual(answers[0]);
  });

  it('answers a resend for an unknown user ID like any other, and sends nothing', async () => {
    const before = service.mail.received.length;
    const response = await service.api('POST', '/v1/accounts/resend-verification', { body: { userId: 'nobody-here' } });
    expect(response.status).toBe(202);
    expect(service.mail.received.length).toBe(before);
  });

  it('does not sign in before the e-mail is verified', async () => {
    const input = valid();
    await register(input);
    const response = await service.api('POST', '/v1/sessions', { body: { userId: input.userId, password: input.password } });
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Verify your e-mail/) });
  });
});

describe.each(backends())('the e-mailed verification link in a browser (%s)', (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ backend });
  });
  afterAll(() => service?.close());

  it('opens a confirmation page without spending the token; its button verifies', async () => {
    const userId = uniqueUserId('link');
    await service.api('POST', '/v1/accounts', { body: { userId, password: goodPassword, name: 'Jordan Admin', email: `${userId}@example.com` } });
    const mail = await service.mail.waitForMail((m) => m.to.includes(`${userId}@example.com`));
    const link = /(http:\/\/\S+\/verify\?token=\S+)/.exec(mail.text)?.[1] ?? '';
    const opened = await fetch(link);
    expect(opened.status).toBe(200);
    expect(await opened.text()).toContain('<form method="post"');
    const stillPending = await service.api('POST', '/v1/sessions', { body: { userId, password: goodPassword } });
    expect(stillPending.status).toBe(403);
    const confirmed = await fetch(`${service.url}/verify`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${tokenIn(mail.text)}` });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('E-mail address verified');
    const again = await fetch(`${service.url}/verify`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `token=${tokenIn(mail.text)}` });
    expect(again.status).toBe(422);
    expect((await service.api('POST', '/v1/sessions', { body: { userId, password: goodPassword } })).status).toBe(201);
  });
});

describe.each(backends())('verification e-mail limits and failures (%s)', (backend) => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService({ backend });
  });
  afterAll(() => service?.close());

  it('sends at most 6 verification e-mails a day to one user, answering the same either way', async () => {
    const userId = uniqueUserId('cap');
    const email = `${userId}@example.com`;
    await service.api('POST', '/v1/accounts', { body: { userId, password: goodPassword, name: 'Jordan Admin', email } });
    const answers = new Set<string>();
    for (let i = 0; i < 7; i++) answers.add(JSON.stringify((await service.api('POST', '/v1/accounts/resend-verification', { body: { userId } })).body));
    expect(answers.size).toBe(1);
    const sent = await service.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM email_verifications WHERE user_id = ${userId}`);
    expect(sent.rows[0]?.n).toBe(6);
    service.clock.advance(24 * HOUR + 1000);
    await service.api('POST', '/v1/accounts/resend-verification', { body: { userId } });
    const later = await service.db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM email_verifications WHERE user_id = ${userId}`);
    expect(later.rows[0]?.n).toBe(7);
  });
});

describe('registration while the mail server is down', () => {
  it('still registers (the user can ask for the e-mail again) and logs the failure', async () => {
    const lines: string[] = [];
    const service = await startPlanService({ smtpUrl: 'smtp://127.0.0.1:1', logger: true, logStream: { write: (l) => void lines.push(l) } });
    try {
      const response = await fetch(`${service.url}/v1/accounts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: 'nomailuser', password: goodPassword, name: 'Pat Example', email: 'pat@example.com' }),
      });
      expect(response.status).toBe(201);
      expect(lines.join('')).toContain('e-mail not sent');
    } finally {
      await service.close();
    }
  });
});
