import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParser } from 'eventsource-parser';
import { and, asc, eq } from 'drizzle-orm';
import type { Me } from '@shared/plan-api/accounts';
import type { BillingSummary, BillPaySignUpRequest, TermsOfService } from '@shared/plan-api/bill-pay';
import type { ChangesPage } from '@shared/plan-api/changes';
import { planInstant } from '@shared/util/date-format';
import { firstOfMonth, firstOfNextMonth } from '@shared/util/dates';
import { auditLog, billPayProofFailures, invoices, billPaySignUps, billPayTermsAcceptances, groupUsers, users } from '../src/store/schema';
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
    latest = { invoiceNumber: summary.body.lastInvoice.invoiceNumber, amountCents: summary.body.lastInvoice.amountCents };
  });
  afterAll(async () => f?.service.close());

  /** The latest invoice's proof unless the test says otherwise. */
  const signUp = (token: string, proof: Partial<BillPaySignUpRequest> = {}) =>
    f.service.api('POST', '/v1/bill-pay/sign-ups', { token, body: { groupNumber: GROUP, ...latest, termsVersion: '2027-01', acceptTerms: true, ...proof } });
  const failuresOf = (userId: string) => f.service.db.select().from(billPayProofFailures).where(eq(billPayProofFailures.userId, userId)).orderBy(asc(billPayProofFailures.at));

  it('takes the amount as the invoice prints it either way: this month’s charges or the total due with the earlier balance', async () => {
    const [invoice] = await f.service.db.select().from(invoices).where(eq(invoices.invoiceNumber, latest.invoiceNumber));
    if (!invoice) throw new Error('The latest invoice is stored');
    expect(invoice.totalDueCents).not.toBe(invoice.amountCents);
    const user = await f.service.signUpUser({ name: 'Robin Total' });
    expect((await signUp(user.token, { amountCents: invoice.totalDueCents })).status).toBe(201);
  });

  it('shows the terms of service without signing in', async () => {
    const terms = await f.service.api<TermsOfService>('GET', '/v1/bill-pay/terms');
    expect(terms.status).toBe(200);
    expect(terms.body).toMatchObject({ version: '2027-01', title: 'GroupDesk Bill Pay Terms of Service', effectiveOn: '2027-01-01' });
    expect(terms.body.text.split('\n\n')).toHaveLength(9);
  });

  it('describes what Bill Pay does today: bank accounts, payments, autopay, the cut-off and returns', async () => {
    const { text } = (await f.service.api<TermsOfService>('GET', '/v1/bill-pay/terms')).body;
    for (const words of ['checking or savings accounts', 'last four digits', 'in full or in part', 'oldest invoice first', '5:00 p.m. Eastern time', 'cancel a payment until the cut-off', 'enroll the group in autopay', 'five business days before each debit', 'returned', 'no fee']) expect(text).toContain(words);
  });

  it('joins the group as a billing user with the latest invoice’s number and amount, records the terms and mails a confirmation', async () => {
    const user = await f.service.signUpUser({ name: 'Morgan Payer' });
    const before = f.service.clock.now();
    const joined = await signUp(user.token, { invoiceNumber: ` ${latest.invoiceNumber.toLowerCase()} ` });
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ groupNumber: GROUP, name: `Acme Tools ${GROUP}`, role: 'billing', termsVersion: '2027-01' });
    const acceptedAt = new Date(String(joined.body.acceptedAt));
    expect(acceptedAt.getTime()).toBeGreaterThanOrEqual(before.getTime());

    const me = await f.service.api<Me>('GET', '/v1/me', { token: user.token });
    expect(me.body.groups).toEqual([expect.objectContaining({ groupNumber: GROUP, role: 'billing', permissions: expect.arrayContaining(['billing.read', 'billing.write']) })]);
    expect((await f.get<BillingSummary>(path('/billing-summary'), user.token)).body.balanceCents).toBeGreaterThan(0);

    expect(await f.service.db.select().from(billPaySignUps).where(eq(billPaySignUps.userId, user.userId))).toEqual([
      expect.objectContaining({ groupNumber: GROUP, termsVersion: '2027-01', acceptedAt, proof: 'invoice_number_and_amount', ip: expect.any(String) }),
    ]);
    expect(await f.service.db.select().from(billPayTermsAcceptances).where(eq(billPayTermsAcceptances.userId, user.userId))).toEqual([
      expect.objectContaining({ groupNumber: GROUP, termsVersion: '2027-01', acceptedAt }),
    ]);
    const actions = await f.service.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.actor, user.userId));
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['bill_pay.sign_up', 'bill_pay.accept_terms', 'group.grant_role']));
    // The group's other administrators see the new user on the feed.
    const feed = await f.get<ChangesPage>(path('/changes?after=0&limit=10000'));
    expect(feed.body.changes.at(-1)).toMatchObject({ entity: 'user', entityId: user.userId, payload: { name: 'Morgan Payer', role: 'billing' } });

    const mail = await f.service.mail.waitForMail((m) => m.to.includes(user.email) && /Bill Pay/.test(m.subject));
    expect(mail.subject).toBe(`You signed up for Bill Pay for group ${GROUP}`);
    expect(mail.text).toContain(`You signed up for Bill Pay for Acme Tools ${GROUP} (group ${GROUP}).`);
    expect(mail.text).toContain(`Bill Pay terms version 2027-01 accepted at ${planInstant(acceptedAt.toISOString())}.`);
    expect(mail.text).not.toMatch(/pay them/);

    const again = await signUp(user.token);
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
      expect((await signUp(user.token)).status).toBe(201);
      await heard;
      expect(events).toEqual(['account {"reason":"role"}']);
    } finally {
      controller.abort();
      await reading;
    }
  });

  it('e-mails each primary administrator the new Bill Pay user, when, and how to remove them, naming no member', async () => {
    const second = await f.service.signUpUser({ name: 'Second Primary' });
    await f.service.grantRole(second.userId, GROUP, 'primary_admin');
    const admins = await f.service.db
      .select({ email: users.email })
      .from(groupUsers)
      .innerJoin(users, eq(users.userId, groupUsers.userId))
      .where(and(eq(groupUsers.groupNumber, GROUP), eq(groupUsers.role, 'primary_admin')));
    const user = await f.service.signUpUser({ name: "Riley O'Payer" });
    const joined = await signUp(user.token);
    expect(joined.status).toBe(201);
    const at = planInstant(String(joined.body.acceptedAt));
    const primaries = admins.map((a) => a.email.toLowerCase());
    expect(primaries).toHaveLength(2);
    expect(primaries).toContain(second.email.toLowerCase());
    for (const to of primaries) {
      const mail = await f.service.mail.waitForMail((m) => m.to.includes(to) && m.subject === `New Bill Pay user in group ${GROUP}` && m.text.includes(user.userId));
      expect(mail.text).toContain(`A new user signed up for Bill Pay for Acme Tools ${GROUP} (group ${GROUP}) at ${at}:`);
      expect(mail.text).toContain(`Riley O'Payer, user ID ${user.userId}, ${user.email}`);
      expect(mail.text).toContain('open Users, find them in the list and choose Remove');
      const html = String(mail.raw.html);
      expect(html).toContain('Riley O&#39;Payer');
      expect(html).toContain(user.userId);
      expect(html).toContain('open Users');
      // The roster's member (Dana Whitfield) is nowhere in it.
      for (const part of [mail.text, html]) expect(part).not.toMatch(/Whitfield|Dana|\d{3}-\d{2}-\d{4}/);
    }
    // Nobody else of the group is told, and the new user is not told as an administrator.
    const told = f.service.mail.received.filter((m) => m.subject === `New Bill Pay user in group ${GROUP}` && m.text.includes(user.userId)).flatMap((m) => m.to);
    expect(told.sort()).toEqual([...primaries].sort());
  });

  it('needs the latest invoice’s number and amount together: either alone, or one from an older invoice, does not match', async () => {
    const user = await f.service.signUpUser();
    expect(await signUp(user.token, { amountCents: latest.amountCents + 1 })).toMatchObject({ status: 422, body: { message: MISMATCH } });
    expect(await signUp(user.token, { invoiceNumber: older })).toMatchObject({ status: 422, body: { message: MISMATCH } });
    const { invoiceNumber: _number, ...amountOnly } = latest;
    const alone = await f.service.api('POST', '/v1/bill-pay/sign-ups', { token: user.token, body: { groupNumber: GROUP, ...amountOnly, termsVersion: '2027-01', acceptTerms: true } });
    expect(alone).toMatchObject({ status: 400, body: { code: 'VALIDATION', fields: { invoiceNumber: 'Enter the invoice number printed at the top of the latest invoice' } } });
    expect((await failuresOf(user.userId)).length).toBe(2);
  });

  it('gives one answer for a wrong proof, an older invoice and an unknown group, and counts each as a failed attempt', async () => {
    const user = await f.service.signUpUser();
    const before = await tableRowCounts(f.service.db);
    const answers = [
      await signUp(user.token, { invoiceNumber: older }),
      await signUp(user.token, { amountCents: latest.amountCents + 1 }),
      await signUp(user.token, { groupNumber: '9876', invoiceNumber: 'INV-9876-202601-7KQ4M2' }),
      // A group that exists but has no invoice yet.
      await signUp(user.token, { groupNumber: OTHER_GROUP, invoiceNumber: `INV-${OTHER_GROUP}-202601-7KQ4M2`, amountCents: 52_000 }),
    ];
    for (const answer of answers) expect(answer).toMatchObject({ status: 422, body: { code: 'RULE', message: MISMATCH, fields: { groupNumber: expect.any(String) } } });
    expect((await failuresOf(user.userId)).map((r) => r.groupNumber)).toEqual([GROUP, GROUP, '9876', OTHER_GROUP]);
    // Only the failures were written: no role, no sign-up, no audit.
    expect(await tableRowCounts(f.service.db)).toEqual({ ...before, bill_pay_proof_failures: (before.bill_pay_proof_failures ?? 0) + 4 });
    expect((await f.service.api<Me>('GET', '/v1/me', { token: user.token })).body.groups).toEqual([]);
  });

  it('locks a user out after five wrong proofs in 15 minutes, even with the right proof, until the window passes', async () => {
    const user = await f.service.signUpUser();
    // At a group number that is no group's: the user's own limit, not the group's, is what stops them.
    const elsewhere = { groupNumber: '5555', invoiceNumber: 'INV-5555-202601-7KQ4M2' };
    for (let i = 0; i < 4; i++) expect((await signUp(user.token, { ...elsewhere, amountCents: 100 + i })).status).toBe(422);
    const fifth = await signUp(user.token, { ...elsewhere, amountCents: 200 });
    const [first] = await failuresOf(user.userId);
    if (!first) throw new Error('The failures are recorded');
    const until = new Date(first.at.getTime() + 15 * MINUTE);
    const message = `Too many Bill Pay sign-ups with details that did not match: try again after ${until.toISOString().slice(0, 16)}Z.`;
    expect(fifth).toMatchObject({ status: 429, body: { code: 'RULE', message } });
    const right = await signUp(user.token);
    expect(right).toMatchObject({ status: 429, body: { code: 'RULE', message } });
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(14 * 60);
    expect((await failuresOf(user.userId)).length).toBe(5);
    const [audit] = await f.service.db.select().from(auditLog).where(eq(auditLog.action, 'bill_pay.throttle'));
    expect(audit).toMatchObject({ actor: user.userId, target: `user:${user.userId}` });

    // Another user is not held up by it.
    const other = await f.service.signUpUser();
    expect((await signUp(other.token, { ...elsewhere, amountCents: 1 })).status).toBe(422);

    f.service.clock.advance(15 * MINUTE + 1000);
    expect((await signUp(user.token)).status).toBe(201);
  });

  it('refuses terms that are not the current version, naming it, without counting an attempt', async () => {
    const user = await f.service.signUpUser();
    const stale = await signUp(user.token, { termsVersion: '2026-01' });
    expect(stale).toMatchObject({
      status: 409,
      body: { code: 'CONFLICT', message: 'The terms of service changed: version 2027-01 is in force, not 2026-01. Read the current terms and accept them to sign up.', fields: { termsVersion: 'The current version is 2027-01' } },
    });
    expect(await failuresOf(user.userId)).toEqual([]);
  });

  it('tells a user who already has another role in the group to ask its primary administrator', async () => {
    const readOnly = await signUp(f.tokens.read_only);
    expect(readOnly).toMatchObject({ status: 409, body: { code: 'CONFLICT', message: `You are Read-only of group ${GROUP}; ask its primary administrator for billing access.` } });
    const primary = await signUp(f.tokens.primary_admin);
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
    const noAmount = await signUp(user.token, { amountCents: 0 });
    expect(noAmount).toMatchObject({ status: 400, body: { code: 'VALIDATION', fields: { amountCents: 'Enter the amount billed on the latest invoice' } } });
    const unaccepted = await signUp(user.token, { acceptTerms: false as true });
    expect(unaccepted).toMatchObject({ status: 400, body: { fields: { acceptTerms: 'You must accept the terms of service to use Bill Pay' } } });
    const badNumber = await signUp(user.token, { invoiceNumber: '12345' });
    expect(badNumber).toMatchObject({ status: 400, body: { fields: { invoiceNumber: expect.stringContaining('INV-1001-202611-7KQ4M2') } } });
    expect((await f.service.api('POST', '/v1/bill-pay/sign-ups', { body: { groupNumber: GROUP, ...latest, termsVersion: '2027-01', acceptTerms: true } })).status).toBe(401);
    expect(await failuresOf(user.userId)).toEqual([]);
    expect(latest.invoiceNumber).toMatch(new RegExp(`^INV-${GROUP}-${monthOf(firstOfNextMonth(f.today))}-[0-9A-HJKMNP-TV-Z]{6}$`));
  });
});
