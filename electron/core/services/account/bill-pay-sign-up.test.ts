import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { goodPassword, uniqueUserId } from '../../../../server/test-support/fixtures';
import type { BillingSummary, InvoiceSummary } from '@shared/plan-api/bill-pay';
import { startSyncTestService, type SyncTestService } from '../../test-support/plan-service';
import { answerOf, Desktops, hasGroup, waitForSession } from '../../test-support/account-test-kit';

describe('Bill Pay sign-up from the desktop', () => {
  let test: SyncTestService;
  let invoice: InvoiceSummary;
  const desktops = new Desktops(() => test);

  beforeAll(async () => {
    test = await startSyncTestService({ subscribers: 4 });
    await test.service.ops(['issue-invoice', '--group', test.groupNumber]);
    const summary = await test.service.api<BillingSummary>('GET', `/v1/groups/${test.groupNumber}/billing-summary`, { token: test.token });
    if (summary.body.lastInvoice === null) throw new Error('No invoice was issued');
    invoice = summary.body.lastInvoice;
  }, 120_000);
  afterEach(async () => desktops.closeAll());
  afterAll(async () => test?.close());

  it('shows the terms, refuses details that do not match or old terms, and joins the group as a billing user', async () => {
    const user = await test.service.signUpUser();
    const core = await desktops.signedIn(user);
    const terms = await answerOf(core, 'billPay.terms', {});
    expect(terms).toMatchObject({ version: '2027-01', title: expect.any(String), effectiveOn: expect.any(String) });
    expect(terms.text.split('\n\n').length).toBeGreaterThanOrEqual(4);

    // The latest invoice's group and month with another code: as near as a guess gets.
    const otherCode = invoice.invoiceNumber.endsWith('-7KQ4M2') ? '-Z9Y8X7' : '-7KQ4M2';
    const guessed = `${invoice.invoiceNumber.slice(0, -7)}${otherCode}`;
    const wrongNumber = await core.call('billPay.signUp', { signUpGroupNumber: test.groupNumber, invoiceNumber: guessed, amountCents: invoice.amountCents, termsVersion: terms.version, acceptTerms: true });
    // The plan's field is the desktop form's: the group number field is named signUpGroupNumber there.
    expect(wrongNumber).toMatchObject({
      ok: false,
      error: { code: 'RULE', message: expect.stringMatching(/^The group number and invoice details do not match the group.s latest invoice\.$/), fields: { signUpGroupNumber: expect.any(String) } },
    });
    expect(await core.call('billPay.signUp', { signUpGroupNumber: test.groupNumber, invoiceNumber: invoice.invoiceNumber, amountCents: invoice.amountCents, termsVersion: '2025-06', acceptTerms: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', fields: { termsVersion: expect.stringContaining(terms.version) } },
    });

    const joined = await answerOf(core, 'billPay.signUp', { signUpGroupNumber: test.groupNumber, invoiceNumber: invoice.invoiceNumber, amountCents: invoice.amountCents, termsVersion: terms.version, acceptTerms: true });
    expect(joined).toMatchObject({ groupNumber: test.groupNumber, role: 'billing', termsVersion: terms.version });
    // The group arrives with the sync the sign-up started.
    await waitForSession(core, hasGroup(test.groupNumber, 'billing'));
    expect(await core.call('billPay.signUp', { signUpGroupNumber: test.groupNumber, invoiceNumber: invoice.invoiceNumber, amountCents: invoice.amountCents, termsVersion: terms.version, acceptTerms: true })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: `You can already pay invoices for group ${test.groupNumber}.` },
    });
  });

  it('asks a billing user who never accepted the terms in force to accept them, through the plan', async () => {
    const user = await test.service.signUpUser();
    await test.service.grantRole(user.userId, test.groupNumber, 'billing');
    const core = await desktops.signedIn(user);
    await waitForSession(core, hasGroup(test.groupNumber, 'billing'));
    expect(await answerOf(core, 'billPay.termsAcceptance', { groupNumber: test.groupNumber })).toMatchObject({ currentVersion: '2027-01', acceptedVersion: null, needed: true });
    expect(await core.call('billPay.acceptTerms', { groupNumber: test.groupNumber, termsVersion: '2026-01', acceptTerms: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await answerOf(core, 'billPay.acceptTerms', { groupNumber: test.groupNumber, termsVersion: '2027-01', acceptTerms: true })).toMatchObject({ acceptedVersion: '2027-01', needed: false });
    expect(await answerOf(core, 'billPay.termsAcceptance', { groupNumber: test.groupNumber })).toMatchObject({ needed: false });
  });

  it('stops taking proofs after five that do not match, saying until when', async () => {
    const user = await test.service.signUpUser();
    const core = await desktops.signedIn(user);
    const wrong = { signUpGroupNumber: test.groupNumber, invoiceNumber: invoice.invoiceNumber, amountCents: invoice.amountCents + 1, termsVersion: '2027-01', acceptTerms: true as const };
    for (let attempt = 0; attempt < 5; attempt++) expect(await core.call('billPay.signUp', { ...wrong, amountCents: invoice.amountCents + 1 + attempt })).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(await core.call('billPay.signUp', { ...wrong, amountCents: invoice.amountCents })).toMatchObject({
      ok: false,
      error: { code: 'RULE', message: expect.stringMatching(/^Too many Bill Pay sign-ups with details that did not match: try again after \d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z\.$/) },
    });
  });

  it('reads the terms from the service last used before anyone signs in, and needs a session to sign up', async () => {
    const core = desktops.fresh();
    expect(await core.call('billPay.terms', {})).toMatchObject({ ok: false, error: { code: 'AUTH' } });
    const userId = uniqueUserId('terms');
    await answerOf(core, 'account.register', { serviceUrl: test.service.url, userId, password: goodPassword, name: 'Lee Reader', email: `${userId}@example.com` });
    expect(await core.call('billPay.terms', {})).toMatchObject({ ok: true, value: { version: '2027-01' } });
    expect(await core.call('billPay.signUp', { signUpGroupNumber: test.groupNumber, invoiceNumber: invoice.invoiceNumber, amountCents: invoice.amountCents, termsVersion: '2027-01', acceptTerms: true })).toMatchObject({
      ok: false,
      error: { code: 'AUTH' },
    });
  });
});
