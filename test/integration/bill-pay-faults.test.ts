import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '@shared/contract';
import type { AutopayState } from '@shared/plan-api/payments';
import { backends } from '../../server/test-support/backends';
import { hashPassword } from '../../server/src/services/accounts/password-hash';
import { paymentAuthorizations } from '../../server/src/services/payments/payment-authorization';
import { addBankAccount } from '../../server/src/services/payments/bank-accounts';
import { autopay, bankAccounts, payments, users } from '../../server/src/store/schema';
import type { CoreHandle } from '../../electron/core/core-types';
import { billPaySetup } from './support/bill-pay-setup';
import { startFaultProxy, exchangeFaults, type ExchangeFault, type FaultProxy } from './support/fault-proxy/fault-proxy';
import { faultOnce } from './support/fault-proxy/fault-seeds';
import { localCursor } from './support/roster-compare';
import { openSyncCore } from './support/sync-core';
import { syncToQuiet } from './support/sync-quiet';
import { startSyncTestService, type SyncTestService } from './support/sync-service';

const password = 'correct horse battery staple';

/**
 * Autopay and bank accounts are changed by direct calls (nothing queues): a lost answer reaches the
 * user as a refusal, and they try again. Whatever the network did, the second try must say what the
 * plan holds, and the plan must hold the change once.
 */
describe.each(backends())('Bill Pay changes made through a network that lies (%s)', (backend) => {
  let service: SyncTestService;
  let proxy: FaultProxy;
  let core: CoreHandle;
  let dataDir: string;
  let bankAccountId: string;

  beforeAll(async () => {
    service = await startSyncTestService({ subscribers: 6, backend });
    ({ bankAccountId } = await billPaySetup(service, 'ops:bill-pay-faults'));
    await service.service.db.update(users).set({ passwordHash: await hashPassword(password) }).where(eq(users.userId, service.userId));
    proxy = await startFaultProxy(service.url);
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-autopay-faults-'));
    core = openSyncCore({ dataDir, key: randomBytes(32), url: proxy.url, token: service.token, today: service.today, now: service.now, planTimeoutMs: 2000 });
    await syncToQuiet(core, async () => localCursor(dataDir, service.groupNumber) === (await service.head()), service.now);
  });
  afterAll(async () => {
    await core?.close();
    await proxy?.close();
    await service?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  /** Calls `method` with `fault` on its exchange, then once more as the user would after a refusal. */
  async function tryTwice(fault: ExchangeFault, httpMethod: string, route: RegExp, method: string, input: unknown): Promise<{ first: Result<unknown>; second: Result<unknown> }> {
    proxy.setPolicy(faultOnce(fault, (r) => r.method === httpMethod && route.test(r.route)));
    const first = await core.call(method, input);
    proxy.setPolicy(null);
    expect(proxy.exchanges.filter((e) => e.fault === fault).length).toBeGreaterThan(0);
    return { first, second: await core.call(method, input) };
  }

  const planState = async (): Promise<AutopayState> => {
    const answer = await service.api<AutopayState>('GET', `/v1/groups/${service.groupNumber}/autopay`, { token: service.token });
    expect(answer.status).toBe(200);
    return answer.body;
  };

  it.each(exchangeFaults)('%s: one enrollment, then stopped, and the user is told what the plan holds', async (fault) => {
    const groupNumber = service.groupNumber;
    const enroll = {
      groupNumber,
      bankAccountId,
      rule: { timing: 'due_date', daysBefore: null },
      authorizationVersion: paymentAuthorizations.autopay.version,
      acceptAuthorization: true,
      password,
    };
    const enrolled = await tryTwice(fault, 'PUT', /\/autopay$/, 'payments.enrollAutopay', enroll);
    // A lost answer is a refusal that says the plan could not be reached; never another error.
    if (!enrolled.first.ok) expect(enrolled.first.error.code).toBe('OFFLINE');
    expect(enrolled.second).toMatchObject({ ok: true, value: { enrollment: { status: 'active' } } });
    const rows = await service.service.db.select().from(autopay).where(eq(autopay.groupNumber, groupNumber));
    expect(rows.map((r) => r.status)).toEqual(['active']);
    expect(await core.call('payments.autopay', { groupNumber })).toEqual({ ok: true, value: await planState() });

    const stopped = await tryTwice(fault, 'DELETE', /\/autopay$/, 'payments.cancelAutopay', { groupNumber });
    if (!stopped.first.ok) expect(stopped.first.error.code).toBe('OFFLINE');
    expect(stopped.second).toMatchObject({ ok: true, value: { enrollment: { status: 'cancelled' } } });
    expect(await core.call('payments.autopay', { groupNumber })).toEqual({ ok: true, value: await planState() });
    expect((await planState()).enrollment?.status).toBe('cancelled');
    // Setting autopay up and stopping it never debits by itself.
    expect(await service.service.db.select().from(payments).where(eq(payments.groupNumber, groupNumber))).toEqual([]);
  });

  it.each(exchangeFaults)('%s: a bank account removed is gone, and the second try says so', async (fault) => {
    const groupNumber = service.groupNumber;
    const now = new Date(service.now());
    const spare = await addBankAccount(
      service.service.db,
      service.service.bankCipher,
      groupNumber,
      { nickname: `Spare ${fault}`, holderName: 'Harbor Freight Lines', routingNumber: '021000021', accountNumber: '000987654321', accountType: 'savings', verification: 'prenote' },
      { actorUserId: 'ops:bill-pay-faults', sessionId: null, ip: null },
      now,
    );
    expect((await core.call('payments.bankAccounts', { groupNumber })).ok).toBe(true);
    const removed = await tryTwice(fault, 'DELETE', /\/bank-accounts\/[^/]+$/, 'payments.removeBankAccount', { groupNumber, bankAccountId: spare.id });
    if (!removed.first.ok) expect(removed.first.error.code).toBe('OFFLINE');
    expect(removed.second).toEqual({ ok: true, value: { removed: true } });
    const [row] = await service.service.db.select({ removedAt: bankAccounts.removedAt }).from(bankAccounts).where(eq(bankAccounts.id, spare.id));
    expect(row?.removedAt).not.toBeNull();
    const shown = await core.call('payments.bankAccounts', { groupNumber });
    expect(shown.ok && (shown.value as { id: string }[]).map((a) => a.id)).toEqual([bankAccountId]);
  });

  it.each(exchangeFaults)('%s: a bank account added is added once, and the second try answers it', async (fault) => {
    const groupNumber = service.groupNumber;
    const nickname = `Added ${fault}`;
    // What the add dialog sends both times: the same account under the key it keeps for it.
    const input = {
      groupNumber,
      nickname,
      holderName: 'Harbor Freight Lines',
      routingNumber: '021000021',
      accountNumber: '000555123456',
      accountNumberAgain: '000555123456',
      accountType: 'checking',
      verification: 'prenote',
      password,
      requestKey: `add-${fault}-${backend}`,
    };
    const added = await tryTwice(fault, 'POST', /\/bank-accounts$/, 'payments.addBankAccount', input);
    if (!added.first.ok) expect(added.first.error.code).toBe('OFFLINE');
    expect(added.second).toMatchObject({ ok: true, value: { nickname, accountLast4: '3456' } });
    const rows = await service.service.db.select({ id: bankAccounts.id }).from(bankAccounts).where(eq(bankAccounts.nickname, nickname));
    expect(rows).toHaveLength(1);
    expect(added.second.ok && (added.second.value as { id: string }).id).toBe(rows[0]?.id);
    const shown = await core.call('payments.bankAccounts', { groupNumber });
    expect(shown.ok && (shown.value as { nickname: string }[]).filter((a) => a.nickname === nickname)).toHaveLength(1);
  });
});
