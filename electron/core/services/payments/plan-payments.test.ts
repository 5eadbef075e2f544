import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AutopayState, BankAccount } from '@shared/plan-api/payments';
import type { Role } from '@shared/contract/roles';
import type { Store } from '../../store/store';
import { startPaymentsPlan, type PaymentsPlan } from '../../test-support/payments-plan';
import { december, november, paymentsCore, paymentsStore, switchableNetwork } from '../../test-support/payments-test-kit';

const accountNumber = '4417 1234 5678 9113';
const typedBy = (plan: PaymentsPlan) => ({ nickname: 'Operating account', holderName: 'Acme Tools', routingNumber: '021000021', accountNumber, accountNumberAgain: accountNumber, accountType: 'checking', verification: 'micro_deposits', password: plan.password });

describe('bank accounts, autopay and receipts, answered by the plan', () => {
  let store: Store;
  let plan: PaymentsPlan;
  let typed: ReturnType<typeof typedBy>;
  let net: ReturnType<typeof switchableNetwork>;
  const coreAs = (role: Role) => paymentsCore(store, { plan, clock: plan.clock, net, role });

  beforeEach(async () => {
    net = switchableNetwork();
    store = paymentsStore();
    plan = await startPaymentsPlan();
    typed = typedBy(plan);
  });
  afterEach(async () => {
    await plan.close();
    store.db.close();
  });

  it('passes the account number through to the plan and never writes it to this computer', async () => {
    const core = coreAs('billing');
    const account = await core.ok<BankAccount>('payments.addBankAccount', { groupNumber: '4321', requestKey: randomUUID(), ...typed });
    expect(account).toMatchObject({ accountLast4: '9113', status: 'verifying' });
    expect(JSON.parse(net.requests.at(-1)?.body ?? '{}')).toMatchObject({ accountNumber: '4417123456789113' });
    expect(await core.ok<BankAccount[]>('payments.bankAccounts', { groupNumber: '4321' })).toEqual([account]);
    for (const file of [store.path, `${store.path}-wal`]) {
      if (!existsSync(file)) continue;
      const bytes = readFileSync(file);
      for (const form of ['4417123456789113', '4417 1234 5678 9113', '123456789113']) expect(bytes.includes(Buffer.from(form))).toBe(false);
    }
    expect(existsSync(`${store.path}-wal`)).toBe(true);
  });

  it('reads accounts and autopay offline from what the plan last answered; changes that cannot queue are OFFLINE', async () => {
    const core = coreAs('primary_admin');
    const added = await core.ok<BankAccount>('payments.addBankAccount', { groupNumber: '4321', requestKey: randomUUID(), ...typed });
    const verified = await core.ok<BankAccount>('payments.verifyBankAccount', { groupNumber: '4321', bankAccountId: added.id, amountsCents: await plan.sendMicroDeposits(added.id) });
    expect(verified.status).toBe('verified');
    const enrolled = await core.ok<AutopayState>('payments.enrollAutopay', {
      groupNumber: '4321',
      bankAccountId: added.id,
      rule: { timing: 'days_before', daysBefore: 3 },
      // Read by the test, not the core: the core has then never read the autopay words (below).
      authorizationVersion: (await plan.service.api<{ version: string }>('GET', '/v1/bill-pay/payment-authorization?kind=autopay')).body.version,
      acceptAuthorization: true,
      password: plan.password,
    });
    expect(enrolled.enrollment).toMatchObject({ status: 'active', rule: { timing: 'days_before', daysBefore: 3 } });
    expect((await core.ok<AutopayState>('payments.skipAutopay', { groupNumber: '4321', invoiceNumber: december })).enrollment?.skipped).toEqual([december]);
    // Suspended at the plan after a return: the next read tells the user once.
    await plan.suspendAutopay('The bank returned a debit: the account was closed. Choose another account to resume autopay.');
    await core.ok('payments.autopay', { groupNumber: '4321' });
    await core.ok('payments.autopay', { groupNumber: '4321' });
    expect(core.events.filter((e) => e.type === 'notification.created')).toEqual([
      expect.objectContaining({ kind: 'autopay.changed', title: 'Autopay was suspended for group 4321', body: expect.stringContaining('the account was closed') }),
    ]);
    const authorization = await core.ok('payments.authorization', { kind: 'payment' });

    net.down = true;
    expect(await core.ok<BankAccount[]>('payments.bankAccounts', { groupNumber: '4321' })).toEqual([verified]);
    expect((await core.ok<AutopayState>('payments.autopay', { groupNumber: '4321' })).enrollment).toMatchObject({ status: 'suspended', skipped: [december] });
    expect(await core.ok('payments.authorization', { kind: 'payment' })).toEqual(authorization);
    const offline = async (method: Parameters<typeof core.call>[0], input: Record<string, unknown>) => {
      const answer = await core.call(method, input);
      return answer.ok ? null : answer.error;
    };
    expect(await offline('payments.authorization', { kind: 'autopay' })).toMatchObject({ code: 'OFFLINE', message: expect.stringContaining('has not read them yet') });
    expect(await offline('payments.addBankAccount', { groupNumber: '4321', requestKey: randomUUID(), ...typed, nickname: 'Payroll' })).toMatchObject({ code: 'OFFLINE', message: expect.stringContaining('nothing was kept') });
    expect(await offline('payments.cancelAutopay', { groupNumber: '4321' })).toMatchObject({ code: 'OFFLINE' });
    expect(await offline('payments.removeBankAccount', { groupNumber: '4321', bankAccountId: added.id })).toMatchObject({ code: 'OFFLINE' });
    expect(await offline('payments.receipt', { groupNumber: '4321', confirmationNumber: 'PAY-261207-7KQ4M2' })).toMatchObject({ code: 'OFFLINE' });

    net.down = false;
    expect((await core.ok<AutopayState>('payments.cancelAutopay', { groupNumber: '4321' })).enrollment?.status).toBe('cancelled');
    expect(await core.ok('payments.removeBankAccount', { groupNumber: '4321', bankAccountId: added.id })).toEqual({ removed: true });
    net.down = true;
    expect(await core.ok<BankAccount[]>('payments.bankAccounts', { groupNumber: '4321' })).toEqual([]);
  });

  it('answers a wrong password as the password field’s error, not as a lost session: the user stays signed in', async () => {
    const core = coreAs('billing');
    const wrong = await core.call('payments.addBankAccount', { groupNumber: '4321', requestKey: randomUUID(), ...typed, password: 'not the password' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', fields: { password: 'Not right' } } });
    const added = await core.ok<BankAccount>('payments.addBankAccount', { groupNumber: '4321', requestKey: randomUUID(), ...typed });
    await core.ok('payments.verifyBankAccount', { groupNumber: '4321', bankAccountId: added.id, amountsCents: await plan.sendMicroDeposits(added.id) });
    const enroll = { groupNumber: '4321', bankAccountId: added.id, rule: { timing: 'due_date', daysBefore: null }, authorizationVersion: (await core.ok<{ version: string }>('payments.authorization', { kind: 'autopay' })).version, acceptAuthorization: true };
    expect(await core.call('payments.enrollAutopay', { ...enroll, password: 'not the password' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', fields: { password: 'Not right' } } });
    expect((await core.ok<AutopayState>('payments.enrollAutopay', { ...enroll, password: plan.password })).enrollment?.status).toBe('active');
  });

  it('prints a payment’s receipt from the plan', async () => {
    const payer = coreAs('billing');
    const added = await payer.ok<BankAccount>('payments.addBankAccount', { groupNumber: '4321', requestKey: randomUUID(), ...typed });
    await payer.ok('payments.verifyBankAccount', { groupNumber: '4321', bankAccountId: added.id, amountsCents: await plan.sendMicroDeposits(added.id) });
    const { version } = await payer.ok<{ version: string }>('payments.authorization', { kind: 'payment' });
    await payer.ok('payments.submit', { groupNumber: '4321', invoiceNumbers: [november], amountCents: 10_000, bankAccountId: added.id, paymentDate: '2026-12-07', authorizationVersion: version, acceptAuthorization: true });
    expect(await payer.push()).toBe(1);
    const [made] = await plan.payments();
    const confirmationNumber = made?.confirmationNumber ?? '';
    const receipt = await coreAs('read_only').ok<{ fileName: string; contentType: string; base64: string }>('payments.receipt', { groupNumber: '4321', confirmationNumber });
    expect(receipt).toMatchObject({ fileName: `${confirmationNumber}.pdf`, contentType: 'application/pdf' });
    expect(Buffer.from(receipt.base64, 'base64').toString('latin1')).toMatch(/^%PDF-/);
  });

  it('lets read-only users and administrators see payments but make none (FORBIDDEN before anything is sent or queued)', async () => {
    const payer = coreAs('billing');
    const account = await payer.ok<BankAccount>('payments.addBankAccount', { groupNumber: '4321', requestKey: randomUUID(), ...typed });
    const sentBefore = net.requests.length;
    for (const role of ['read_only', 'admin'] as const) {
      const core = coreAs(role);
      expect(await core.ok('payments.list', { groupNumber: '4321' })).toEqual([]);
      expect(await core.ok<BankAccount[]>('payments.bankAccounts', { groupNumber: '4321' })).toHaveLength(1);
      const writes: [Parameters<typeof core.call>[0], Record<string, unknown>][] = [
        ['payments.submit', { groupNumber: '4321', invoiceNumbers: [november], amountCents: 100, bankAccountId: account.id, paymentDate: '2026-12-07', authorizationVersion: '2026-12', acceptAuthorization: true }],
        ['payments.addBankAccount', { groupNumber: '4321', requestKey: randomUUID(), ...typed }],
        ['payments.verifyBankAccount', { groupNumber: '4321', bankAccountId: account.id, amountsCents: [1, 2] }],
        ['payments.removeBankAccount', { groupNumber: '4321', bankAccountId: account.id }],
        ['payments.cancel', { groupNumber: '4321', outboxId: 1 }],
        ['payments.enrollAutopay', { groupNumber: '4321', bankAccountId: account.id, rule: { timing: 'due_date', daysBefore: null }, authorizationVersion: '2026-12', acceptAuthorization: true, password: 'x' }],
        ['payments.skipAutopay', { groupNumber: '4321', invoiceNumber: december }],
        ['payments.cancelAutopay', { groupNumber: '4321' }],
      ];
      for (const [method, input] of writes) expect(await core.call(method, input)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('pay invoices') } });
    }
    // Reads only: two lists of accounts.
    expect(net.requests.slice(sentBefore).map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/groups/4321/bank-accounts', 'GET /v1/groups/4321/bank-accounts']);
    expect(store.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
  });
});
