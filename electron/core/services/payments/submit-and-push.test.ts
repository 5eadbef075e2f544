import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PaymentItem } from '@shared/contract/methods/payments';
import { paymentRequest } from '@shared/plan-api/payments';
import { PlanError } from '../../plan-service/plan-client';
import type { Store } from '../../store/store';
import { startPaymentsPlan, type PaymentsPlan } from '../../test-support/payments-plan';
import { december, november, paymentsCore, paymentsStore, switchableNetwork } from '../../test-support/payments-test-kit';

describe('paying invoices through the outbox', () => {
  let store: Store;
  let plan: PaymentsPlan;
  let net: ReturnType<typeof switchableNetwork>;
  let core: ReturnType<typeof paymentsCore>;
  let accountId = '';
  let version = '';
  let account: Record<string, string>;

  const pay = (overrides: Record<string, unknown> = {}) => ({
    groupNumber: '4321',
    invoiceNumbers: [november, december],
    amountCents: 60_000,
    bankAccountId: accountId,
    paymentDate: '2026-12-07',
    authorizationVersion: version,
    acceptAuthorization: true,
    ...overrides,
  });
  const outboxRow = (id: number) => store.db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as Record<string, unknown>;

  beforeEach(async () => {
    net = switchableNetwork();
    store = paymentsStore();
    plan = await startPaymentsPlan();
    account = { nickname: 'Operating account', holderName: 'Acme Tools', routingNumber: '021000021', accountNumber: '000123456789', accountNumberAgain: '000123456789', accountType: 'checking', verification: 'micro_deposits', password: plan.password };
    core = paymentsCore(store, { plan, clock: plan.clock, net });
    const added = await core.ok<{ id: string }>('payments.addBankAccount', { groupNumber: '4321', requestKey: randomUUID(), ...account });
    accountId = added.id;
    await core.ok('payments.verifyBankAccount', { groupNumber: '4321', bankAccountId: accountId, amountsCents: await plan.sendMicroDeposits(accountId) });
    version = (await core.ok<{ version: string }>('payments.authorization', { kind: 'payment' })).version;
  });
  afterEach(async () => {
    await plan.close();
    store.db.close();
  });

  it('queues ONE outbox row with a fresh key, the request naming the account by ID only, and asks for a sync', async () => {
    const item = await core.ok<PaymentItem>('payments.submit', pay());
    expect(item).toMatchObject({ state: 'queued', payment: null, problem: null, request: { amountCents: 60_000, bankAccountId: accountId, invoiceNumbers: [november, december] } });
    const row = outboxRow(item.outboxId ?? 0);
    expect(row).toMatchObject({ kind: 'payment', status: 'queued', member_id: null, secrets_encrypted: null, idempotency_key: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    const { groupNumber: _group, ...request } = pay();
    expect(JSON.parse(String(row.payload))).toEqual(request);
    expect(() => paymentRequest.parse(JSON.parse(String(row.payload)))).not.toThrow();
    expect(JSON.stringify(store.db.prepare('SELECT * FROM outbox').all())).not.toContain('123456789');
    expect(store.db.prepare(`SELECT count(*) FROM outbox WHERE kind = 'payment'`).pluck().get()).toBe(1);
    expect(core.syncRequests()).toBe(1);
    expect(core.events).toContainEqual({ type: 'billing.changed', groupNumber: '4321' });
  });

  it('refuses what the plan would: more than is open (counting payments queued before), a passed or non-business date, an unverified account, an unknown invoice', async () => {
    const refusal = async (input: Record<string, unknown>) => {
      const answer = await core.call('payments.submit', input);
      return answer.ok ? null : answer.error;
    };
    expect(await refusal(pay({ amountCents: 170_001 }))).toMatchObject({ code: 'RULE', fields: { amountCents: 'At most $1,700.00' } });
    await core.ok('payments.submit', pay({ amountCents: 100_000 }));
    expect(await refusal(pay({ amountCents: 70_001 }))).toMatchObject({ code: 'RULE', fields: { amountCents: 'At most $700.00' } });
    // November is covered by the queued payment: nothing is left to pay on it alone.
    expect(await refusal(pay({ invoiceNumbers: [november], amountCents: 100 }))).toMatchObject({ code: 'RULE', fields: { invoiceNumbers: 'Nothing left to pay' } });
    expect(await refusal(pay({ paymentDate: '2026-12-04' }))).toMatchObject({ code: 'RULE', fields: { paymentDate: expect.stringContaining('2026-12-07') } });
    expect(await refusal(pay({ paymentDate: '2026-12-12' }))).toMatchObject({ code: 'RULE', fields: { paymentDate: expect.stringContaining('business day') } });
    expect(await refusal(pay({ paymentDate: '2026-12-28' }))).toMatchObject({ code: 'RULE', fields: { paymentDate: expect.stringContaining('2026-12-20') } });
    expect(await refusal(pay({ invoiceNumbers: ['INV-4321-202610-CCCCCC'] }))).toMatchObject({ code: 'NOT_FOUND' });
    const other = await core.ok<{ id: string }>('payments.addBankAccount', { groupNumber: '4321', requestKey: randomUUID(), ...account, nickname: 'Payroll', verification: 'prenote' });
    expect(await refusal(pay({ amountCents: 100, bankAccountId: other.id }))).toMatchObject({ code: 'RULE', fields: { bankAccountId: 'Not verified' } });
  });

  it('sends the payment with its key; a lost answer is retried with the SAME key and the plan makes one payment', async () => {
    const item = await core.ok<PaymentItem>('payments.submit', pay());
    const key = String(outboxRow(item.outboxId ?? 0).idempotency_key);
    net.loseNextAnswer = '/v1/groups/4321/payments';
    await expect(core.push()).rejects.toBeInstanceOf(PlanError);
    // The try counted and the row queued again, still with its key.
    expect(outboxRow(item.outboxId ?? 0)).toMatchObject({ status: 'queued', attempts: 1, idempotency_key: key });
    expect(await core.push()).toBe(1);
    const submits = net.requests.filter((r) => r.method === 'POST' && r.path === '/v1/groups/4321/payments');
    expect(submits.map((r) => r.idempotencyKey)).toEqual([key, key]);
    const ledger = await plan.paymentLedger();
    expect(ledger.made).toHaveLength(1);
    expect(ledger.byKey.get(key)).toBe(ledger.made[0]);
    const [made] = await plan.payments();
    expect(outboxRow(item.outboxId ?? 0)).toMatchObject({ status: 'accepted', confirmation_number: made?.confirmationNumber });
    const list = await core.ok<PaymentItem[]>('payments.list', { groupNumber: '4321' });
    expect(list).toEqual([expect.objectContaining({ outboxId: item.outboxId, state: 'scheduled', payment: made, request: null })]);
  });

  it('does not send a payment whose date passed while offline: it waits for a new date, the user is asked, and the correction is sent', async () => {
    const item = await core.ok<PaymentItem>('payments.submit', pay());
    net.down = true;
    await expect(core.push()).rejects.toBeInstanceOf(PlanError);
    // The try never reached the plan (no connection), and now the day's cut-off has gone by.
    expect(outboxRow(item.outboxId ?? 0)).toMatchObject({ status: 'queued', attempts: 1, sent_at: null });
    plan.clock.now = '2026-12-07T23:30:00.000Z';
    net.down = false;
    const before = net.requests.length;
    expect(await core.push()).toBe(1);
    expect(net.requests.length).toBe(before);
    expect(outboxRow(item.outboxId ?? 0)).toMatchObject({ status: 'needs_new_date' });
    const asked = core.events.filter((e) => e.type === 'notification.created');
    expect(asked).toEqual([expect.objectContaining({ kind: 'payment.needs_date', body: expect.stringContaining('the earliest is 2026-12-08') })]);
    const [waiting] = await core.ok<PaymentItem[]>('payments.list', { groupNumber: '4321' });
    expect(waiting).toMatchObject({ outboxId: item.outboxId, state: 'needs_new_date', problem: expect.stringContaining('Its date, 2026-12-07, passed') });

    const corrected = await core.ok<PaymentItem>('payments.submit', pay({ paymentDate: '2026-12-08', replaces: item.outboxId }));
    expect(outboxRow(item.outboxId ?? 0)).toMatchObject({ status: 'corrected', replaced_by: corrected.outboxId });
    expect(outboxRow(corrected.outboxId ?? 0).idempotency_key).not.toBe(outboxRow(item.outboxId ?? 0).idempotency_key);
    expect(await core.push()).toBe(1);
    expect((await plan.payments()).map((p) => p.paymentDate)).toEqual(['2026-12-08']);
    const list = await core.ok<PaymentItem[]>('payments.list', { groupNumber: '4321' });
    expect(list.map((i) => i.state)).toEqual(['scheduled']);
  });

  it('retries a payment tried before with its key even after its date passed: the plan may already have it', async () => {
    const item = await core.ok<PaymentItem>('payments.submit', pay());
    net.loseNextAnswer = '/v1/groups/4321/payments';
    await expect(core.push()).rejects.toBeInstanceOf(PlanError);
    // Past the cut-off of its date (a later day would also outlast the plan's session).
    plan.clock.now = '2026-12-07T22:30:00.000Z';
    expect(await core.push()).toBe(1);
    expect((await plan.paymentLedger()).made).toHaveLength(1);
    expect(outboxRow(item.outboxId ?? 0)).toMatchObject({ status: 'accepted' });
  });

  it('keeps a refused payment with the plan’s reasons, for correction or withdrawal', async () => {
    const item = await core.ok<PaymentItem>('payments.submit', pay());
    // A return closed the account at the plan after this computer last read it.
    const reason = await plan.disableAccount(accountId);
    expect(await core.push()).toBe(1);
    const [refused] = await core.ok<PaymentItem[]>('payments.list', { groupNumber: '4321' });
    expect(refused).toMatchObject({ outboxId: item.outboxId, state: 'rejected', problem: reason, request: { amountCents: 60_000 } });
    expect(core.events).toContainEqual(expect.objectContaining({ type: 'notification.created', kind: 'transaction.rejected' }));
    const withdrawn = await core.ok<PaymentItem>('payments.cancel', { groupNumber: '4321', outboxId: item.outboxId });
    expect(withdrawn.state).toBe('cancelled');
  });

  it('cancels a queued payment here, never sending it; a payment the plan holds is cancelled at the plan, and only online', async () => {
    const queued = await core.ok<PaymentItem>('payments.submit', pay());
    expect(await core.ok<PaymentItem>('payments.cancel', { groupNumber: '4321', outboxId: queued.outboxId })).toMatchObject({ state: 'cancelled', outboxId: queued.outboxId });
    expect(await core.push()).toBe(0);
    expect(await plan.payments()).toEqual([]);

    await core.ok('payments.submit', pay());
    await core.push();
    const [made] = await plan.payments();
    net.down = true;
    const offline = await core.call('payments.cancel', { groupNumber: '4321', confirmationNumber: made?.confirmationNumber });
    expect(offline).toMatchObject({ ok: false, error: { code: 'OFFLINE', message: expect.stringContaining('still stands') } });
    net.down = false;
    const cancelled = await core.ok<PaymentItem>('payments.cancel', { groupNumber: '4321', confirmationNumber: made?.confirmationNumber });
    expect(cancelled).toMatchObject({ state: 'cancelled', payment: { status: 'cancelled' } });
  });
});
