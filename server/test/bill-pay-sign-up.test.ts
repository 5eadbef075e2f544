import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParser } from 'eventsource-parser';
import { asc, eq } from 'drizzle-orm';
import type { Me } from '@shared/plan-api/accounts';
import type { BillingSummary, BillPaySignUpRequest, TermsOfService } from '@shared/plan-api/bill-pay';
import type { ChangesPage } from '@shared/plan-api/changes';
import { firstOfMonth, firstOfNextMonth } from '@shared/util/dates';
import { auditLog, billPayProofFailures, billPaySignUps } from '../src/store/schema';
import { backends } from '../test-support/backends';
import { MINUTE } from '../test-support/clock';
import { tableRowCounts } from '../test-support/row-counts';
import { enrollment, GROUP, OTHER_GROUP, path, startEligibilityService, type EligibilityFixture } from './eligibility-support';

const MISMATCH = "The group number and invoice details do not match the group's latest invoice.";
const monthOf = (date: string) => date.slice(0, 7).replace('-', '');

describe.each(backends())('Bill Pay sign-up (%s)', (backend) => {
  let f: EligibilityFixture;
  /** The group's latest invoice (next month's) and the one before it (this month's). */
  let latest: { invoiceNumber: string; amountCents: number };
  let older: string;

  beforeAll(async () => {
    f = await startEligibilityService(backend);
    const enrolled = await f.post(path('/enrollments'), enrollment(f.today, { effectiveDate: firstOfMonth(f.today) }));
    if (enrolled.status !== 201) throw new Error(`enroll: ${enrolled.status} ${JSON.stringify(enrolled.body)}`);
    const [printed] = await f.service.ops(['issue-invoice', '--group', GROUP, '--period', f.today.slice(0, 7)]);
    await f.service.ops(['issue-invoice', '--group', GROUP]);
    // As the operator's command printed it: the number's code is random.
    const olderNumber = /^Issued (\S+) to group /.exec(printed ?? '')?.[1];
    if (!olderNumber) throw new Error(`No invoice number in ${printed}`);
    older = olderNumber;
    const summary = await f.get<BillingSummary>(path('/billing-summary'));
    if (!summary.body.lastInvoice) throw new Error('The group has invoices');
    latest = summary.body.lastInvoice;
  });
  afterAll(async () => f?.service.close());

  const signUp = (token: string, proof: Partial<BillPaySignUpRequest>) =>
    f.service.api('POST', '/v1/bill-pay/sign-ups', { token, body: { groupNumber: GROUP, termsVersion: '2026-01', acceptTerms: true, ...proof } });
  const failuresOf = (userId: string) => f.service.db.select().from(billPayProofFailures).where(eq(billPayProofFailures.userId, userId)).orderBy(asc(billPayProofFailures.at));

  it('shows the terms of service without signing in', async () => {
    const terms = await f.service.api<TermsOfService>('GET', '/v1/bill-pay/terms');
    expect(terms.status).toBe(200);
    expect(terms.body).toMatchObject({ version: '2026-01', title: 'GroupDesk Bill Pay Terms of Service', effectiveOn: '2026-01-01' });
    expect(terms.body.text.split('\n\n')).toHaveLength(6);
  });

  it('joins the group as a billing user with the latest invoice’s number, records the terms and mails a confirmation', async () => {
    const user = await f.service.signUpUser({ name: 'Morgan Payer' });
    const before = f.service.clock.now();
    const joined = await signUp(user.token, { invoiceNumber: ` ${latest.invoiceNumber.toLowerCase()} ` });
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ groupNumber: GROUP, name: `Acme Tools ${GROUP}`, role: 'billing', termsVersion: '2026-01' });
    const acceptedAt = new Date(String(joined.body.acceptedAt));
    expect(acceptedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());

    const me = await f.service.api<Me>('GET', '/v1/me', { token: user.token });
    expect(me.body.groups).toEqual([expect.objectContaining({ groupNumber: GROUP, role: 'billing', permissions: expect.arrayContaining(['billing.read', 'billing.write']) })]);
    expect((await f.get<BillingSummary>(path('/billing-summary'), user.token)).body.balanceCents).toBeGreaterThan(0);

    expect(await f.service.db.select().from(billPaySignUps).where(eq(billPaySignUps.userId, user.userId))).toEqual([
      expect.objectContaining({ groupNumber: GROUP, termsVersion: '2026-01', acceptedAt, proof: 'invoice_number', ip: expect.any(String) }),
    ]);
    const actions = await f.service.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actor, user.userId));
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['bill_pay.sign_up', 'group.grant_role']));
    // The group's other administrators see the new user on the feed.
    const feed = await f.get<ChangesPage>(path('/changes?after=0&limit=10000'));
    expect(feed.body.changes.at(-1)).toMatchObject({ entity: 'user', entityId: user.userId, payload: { name: 'Morgan Payer', role: 'billing' } });

    const mail = await f.service.mail.waitForMail((m) => m.to.includes(user.email) && /Bill Pay/.test(m.subject));
    expect(mail.subject).toBe(`You signed up for Bill Pay for group ${GROUP}`);
    expect(mail.text).toContain(`You signed up for Bill Pay for Acme Tools ${GROUP} (group ${GROUP}).`);
    expect(mail.text).toContain(`Bill Pay terms version 2026-01 accepted at ${acceptedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC.`);

    const again = await signUp(user.token, { invoiceNumber: latest.invoiceNumber });
    expect(again).toMatchObject({ status: 409, body: { code: 'CONFLICT', message: `You can already pay invoices for group ${GROUP}.` } });
  });

  it('tells the user’s own stream that their access changed, so their desktop shows the group at once', async () => {
    const user = await f.service.signUpUser();
    const controller = new AbortController();
    const stream = await fetch(`${f.service.url}/v1/me/stream`, { headers: { authorization: `Bearer ${user.token}` }, signal: controller.signal });
    expect(stream.status).toBe(200);
    const events: string[] = [];
    let listening!: () => void;
    let announced!: () => void;
    const opened = new Promise<void>((resolve) => (listening = resolve));
    const heard = new Promise<void>((resolve) => (announced = resolve));
    const parser = createParser({
      onComment: (comment) => comment.trim() === 'listening' && listening(),
      onEvent: (event) => {
        events.push(`${event.event} ${event.data}`);
        announced();
      },
    });
    const reading = (async () => {
      const decoder = new TextDecoder();
      for await (const chunk of stream.body as unknown as AsyncIterable<Uint8Array>) parser.feed(decoder.decode(chunk, { stream: true }));
    })().catch(() => undefined);
    try {
      await opened;
      expect((await signUp(user.token, { amountCents: latest.amountCents })).status).toBe(201);
      await heard;
      expect(events).toEqual(['account {"reason":"role"}']);
    } finally {
      controller.abort();
      await reading;
    }
  });

  it('accepts the amount billed on the latest invoice instead of its number', async () => {
    const user = await f.service.signUpUser();
    const joined = await signUp(user.token, { amountCents: latest.amountCents });
    expect(joined.status).toBe(201);
    const [row] = await f.service.db.select().from(billPaySignUps).where(eq(billPaySignUps.userId, user.userId));
    expect(row?.proof).toBe('amount');
  });

  it('gives one answer for a wrong proof, an older invoice and an unknown group, and counts each as a failed attempt', async () => {
    const user = await f.service.signUpUser();
    const before = await tableRowCounts(f.service.db);
    const answers = [
      await signUp(user.token, { invoiceNumber: older }),
      await signUp(user.token, { amountCents: latest.amountCents + 1 }),
      await f.service.api('POST', '/v1/bill-pay/sign-ups', { token: user.token, body: { groupNumber: '9876', invoiceNumber: 'INV-9876-202601-7KQ4M2', termsVersion: '2026-01', acceptTerms: true } }),
      // A group that exists but has no invoice yet.
      await f.service.api('POST', '/v1/bill-pay/sign-ups', { token: user.token, body: { groupNumber: OTHER_GROUP, amountCents: 52_000, termsVersion: '2026-01', acceptTerms: true } }),
    ];
    for (const answer of answers) expect(answer).toMatchObject({ status: 422, body: { code: 'RULE', message: MISMATCH, fields: { groupNumber: expect.any(String) } } });
    expect((await failuresOf(user.userId)).map((r) => r.groupNumber)).toEqual([GROUP, GROUP, '9876', OTHER_GROUP]);
    // Only the failures were written: no role, no sign-up, no audit.
    expect(await tableRowCounts(f.service.db)).toEqual({ ...before, bill_pay_proof_failures: (before.bill_pay_proof_failures ?? 0) + 4 });
    expect((await f.service.api<Me>('GET', '/v1/me', { token: user.token })).body.groups).toEqual([]);
  });

  it('locks a user out after five wrong proofs in 15 minutes, even with the right proof, until the window passes', async () => {
    const user = await f.service.signUpUser();
    for (let i = 0; i < 4; i++) expect((await signUp(user.token, { amountCents: 100 + i })).status).toBe(422);
    const fifth = await signUp(user.token, { amountCents: 200 });
    const [first] = await failuresOf(user.userId);
    if (!first) throw new Error('The failures are recorded');
    const until = new Date(first.at.getTime() + 15 * MINUTE);
    const message = `Too many Bill Pay sign-ups with details that did not match: try again after ${until.toISOString().slice(11, 16)} UTC.`;
    expect(fifth).toMatchObject({ status: 429, body: { code: 'RULE', message } });
    const right = await signUp(user.token, { invoiceNumber: latest.invoiceNumber });
    expect(right).toMatchObject({ status: 429, body: { code: 'RULE', message } });
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect((await failuresOf(user.userId)).length).toBe(5);
    const [audit] = await f.service.db.select().from(auditLog).where(eq(auditLog.action, 'bill_pay.throttle'));
    expect(audit).toMatchObject({ actor: user.userId, target: `user:${user.userId}` });

    // Another user is not held up by it.
    const other = await f.service.signUpUser();
    expect((await signUp(other.token, { amountCents: 1 })).status).toBe(422);

    f.service.clock.advance(15 * MINUTE + 1000);
    expect((await signUp(user.token, { invoiceNumber: latest.invoiceNumber })).status).toBe(201);
  });

  it('refuses terms that are not the current version, naming it, without counting an attempt', async () => {
    const user = await f.service.signUpUser();
    const stale = await signUp(user.token, { invoiceNumber: latest.invoiceNumber, termsVersion: '2025-07' });
    expect(stale).toMatchObject({
      status: 409,
      body: { code: 'CONFLICT', message: 'The terms of service changed: version 2026-01 is in force, not 2025-07. Read the current terms and accept them to sign up.', fields: { termsVersion: 'The current version is 2026-01' } },
    });
    expect(await failuresOf(user.userId)).toEqual([]);
  });

  it('tells a user who already has another role in the group to ask its primary administrator', async () => {
    const readOnly = await f.service.api('POST', '/v1/bill-pay/sign-ups', { token: f.tokens.read_only, body: { groupNumber: GROUP, invoiceNumber: latest.invoiceNumber, termsVersion: '2026-01', acceptTerms: true } });
    expect(readOnly).toMatchObject({ status: 409, body: { code: 'CONFLICT', message: `You are Read-only of group ${GROUP}; ask its primary administrator for billing access.` } });
    const primary = await signUp(f.tokens.primary_admin, { amountCents: latest.amountCents });
    expect(primary).toMatchObject({ status: 409, body: { message: `You can already pay invoices for group ${GROUP}.` } });
  });

  it('refuses a number worked out from the group number: the old form without the code, and the right month with another code', async () => {
    const user = await f.service.signUpUser();
    const guessed = `INV-${GROUP}-${monthOf(firstOfNextMonth(f.today))}`;
    expect(latest.invoiceNumber.startsWith(`${guessed}-`)).toBe(true);
    const oldStyle = await signUp(user.token, { invoiceNumber: guessed });
    expect(oldStyle).toMatchObject({ status: 400, body: { code: 'VALIDATION', fields: { invoiceNumber: 'An invoice number looks like INV-1001-202611-7KQ4M2 (it is printed at the top of the invoice)' } } });
    const code = latest.invoiceNumber.slice(-6);
    const otherCode = code === '7KQ4M2' ? 'Z9Y8X7' : '7KQ4M2';
    expect(await signUp(user.token, { invoiceNumber: `${guessed}-${otherCode}` })).toMatchObject({ status: 422, body: { code: 'RULE', message: MISMATCH } });
    expect((await failuresOf(user.userId)).length).toBe(1);
    expect((await f.service.api<Me>('GET', '/v1/me', { token: user.token })).body.groups).toEqual([]);
  });

  it('validates the form and needs a session', async () => {
    const user = await f.service.signUpUser();
    const both = await signUp(user.token, { invoiceNumber: latest.invoiceNumber, amountCents: latest.amountCents });
    expect(both).toMatchObject({ status: 400, body: { code: 'VALIDATION', fields: { invoiceNumber: 'Enter the invoice number or the amount billed on the latest invoice' } } });
    const unaccepted = await signUp(user.token, { invoiceNumber: latest.invoiceNumber, acceptTerms: false as true });
    expect(unaccepted).toMatchObject({ status: 400, body: { fields: { acceptTerms: 'You must accept the terms of service to use Bill Pay' } } });
    const badNumber = await signUp(user.token, { invoiceNumber: '12345' });
    expect(badNumber).toMatchObject({ status: 400, body: { fields: { invoiceNumber: expect.stringContaining('INV-1001-202611-7KQ4M2') } } });
    expect((await f.service.api('POST', '/v1/bill-pay/sign-ups', { body: { groupNumber: GROUP, invoiceNumber: latest.invoiceNumber, termsVersion: '2026-01', acceptTerms: true } })).status).toBe(401);
    expect(await failuresOf(user.userId)).toEqual([]);
    expect(latest.invoiceNumber).toMatch(new RegExp(`^INV-${GROUP}-${monthOf(firstOfNextMonth(f.today))}-[0-9A-HJKMNP-TV-Z]{6}$`));
  });
});
