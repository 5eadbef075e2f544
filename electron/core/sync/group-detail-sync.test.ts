import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandboxBillingPlan } from '../../../server/src/services/billing/billing-plan';
import { pdfText } from '../../../test/support/pdf-text';
import { PlanClient } from '../plan-service/plan-client';
import { temporaryIdCard } from '../services/members/temporary-id-card';
import { createFieldCipher } from '../store/field-cipher';
import { openStore } from '../store/open-store';
import { findGroup } from '../store/repositories/groups-repository';
import { statement } from '../store/statements';
import type { Store } from '../store/store';
import { startSyncTestService, syncTestPlans, tempDataDir, type SyncTestService } from '../test-support/plan-service';
import { syncAccount } from './account-sync';
import { applyFeedPage } from './apply-page';

/**
 * The group's detail as the sync engine brings it (GET /v1/groups/:groupNumber through the account
 * sync), and the roster through the feed, from the real plan service into a real SQLite file.
 */
describe('a group\'s plans and phone reaching the replica', () => {
  let test: SyncTestService;
  let store: Store;
  let client: PlanClient;
  const [ppo, hmo] = syncTestPlans;
  if (!ppo?.costSharing || !hmo) throw new Error('The sync test plans are a PPO with cost sharing and an HMO without');

  const accountSync = () =>
    syncAccount(client, { store: () => store, connection: { url: test.service.url, token: test.token }, now: test.now, today: () => test.today, mode: 'remote', publish: () => {}, aborted: () => false });

  beforeAll(async () => {
    test = await startSyncTestService({ subscribers: 4 });
    const opened = openStore({ dataDir: tempDataDir() });
    if (opened.db === null) throw new Error(`store not ready: ${opened.state.state}`);
    store = { db: opened.db, cipher: createFieldCipher(randomBytes(32)), path: opened.path };
    client = new PlanClient({ url: test.service.url, token: test.token, signal: new AbortController().signal, timeoutMs: 10_000 });
    const account = await accountSync();
    if (account === null) throw new Error('account sync aborted');
    for (let after = 0; ; ) {
      const page = await client.changes(test.groupNumber, after, 10_000);
      applyFeedPage(store, page, { user: { ref: account.userRef, login: account.login }, now: test.now(), indexHoliday: false, announceInvoices: false });
      if (!page.hasMore) break;
      after = page.nextAfter;
    }
  }, 120_000);
  afterAll(async () => {
    store?.db.close();
    await test?.close();
  });

  it('keeps each plan\'s cost sharing as the plan sent it, none for a plan without, and the member services phone', () => {
    const group = findGroup(store.db, test.groupNumber, test.today);
    expect(group?.memberServicesPhone).toBe(sandboxBillingPlan.memberServicesPhone);
    expect(group?.plans.find((p) => p.code === ppo.code)?.costSharing).toEqual(ppo.costSharing);
    expect(group?.plans.find((p) => p.code === hmo.code)).not.toHaveProperty('costSharing');
  });

  it('prints them on a covered member\'s temporary ID card', async () => {
    const memberId = statement(
      store.db,
      `SELECT member_id FROM members WHERE group_number = ? AND plan_code = ? AND effective_date <= ? AND (termination_date IS NULL OR termination_date >= ?) ORDER BY member_id LIMIT 1`,
    )
      .pluck()
      .get(test.groupNumber, ppo.code, test.today, test.today) as string | undefined;
    if (memberId === undefined) throw new Error('The group has a covered member on the PPO');
    const card = await temporaryIdCard(store, test.groupNumber, memberId, test.today, test.now());
    const text = await pdfText(Buffer.from(card.base64, 'base64'));
    expect(text).toContain('Deductible\nIn-network: $1,000 individual / $2,000 family\nOut-of-network: $2,000 individual / $4,000 family');
    expect(text).toContain('Out-of-pocket maximum\nIn-network: $6,000 individual / $12,000 family\nOut-of-network: $12,000 individual / $24,000 family');
    expect(text).toContain(`Member services: ${sandboxBillingPlan.memberServicesPhone}`);
  });

  it('fills in a group replicated before them at the next account sync', async () => {
    statement(store.db, 'UPDATE plans SET cost_sharing = NULL').run();
    statement(store.db, 'UPDATE groups SET member_services_phone = NULL').run();
    await accountSync();
    const group = findGroup(store.db, test.groupNumber, test.today);
    expect(group?.plans.find((p) => p.code === ppo.code)?.costSharing).toEqual(ppo.costSharing);
    expect(group?.memberServicesPhone).toBe(sandboxBillingPlan.memberServicesPhone);
  });
});
