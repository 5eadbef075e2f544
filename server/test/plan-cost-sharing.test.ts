import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import type { Group } from '@shared/contract/schemas/group';
import { sandboxGroupDefinitions } from '@shared/sandbox/sandbox-groups';
import { migrations } from '../src/store/migrations';
import { sandboxBillingPlan } from '../src/services/billing/billing-plan';
import { backends } from '../test-support/backends';
import { startTestService, type TestService } from '../test-support/test-service';

const costSharingColumns = [
  'in_network_deductible_individual',
  'in_network_deductible_family',
  'in_network_oop_max_individual',
  'in_network_oop_max_family',
  'out_of_network_deductible_individual',
  'out_of_network_deductible_family',
  'out_of_network_oop_max_individual',
  'out_of_network_oop_max_family',
].join(', ');

describe('0019_plan_cost_sharing', () => {
  it('leaves plans set up before it without figures, and takes all eight consistent amounts or none', async () => {
    const pg = new PGlite();
    try {
      const upTo = migrations.findIndex((m) => m.name.endsWith('_plan_cost_sharing'));
      for (const migration of migrations.slice(0, upTo)) await pg.exec(migration.sql);
      await pg.exec(`
        INSERT INTO groups (group_number, name, address, region, policy, created_at) VALUES ('1001', 'Acme', '{}', 'Midwest', '{}', now());
        INSERT INTO plans (group_number, code, name, kind, rate_emp, rate_esp, rate_ech, rate_fam) VALUES ('1001', 'PPO-OLD', 'Old PPO', 'PPO', 1, 2, 3, 4);`);
      await pg.exec(migrations[upTo]?.sql ?? '');

      const kept = await pg.query(`SELECT code, ${costSharingColumns} FROM plans`);
      expect(kept.rows).toEqual([{ code: 'PPO-OLD', ...Object.fromEntries(costSharingColumns.split(', ').map((c) => [c, null])) }]);
      const insert = (values: string) =>
        pg.exec(`INSERT INTO plans (group_number, code, name, kind, rate_emp, rate_esp, rate_ech, rate_fam, ${costSharingColumns}) VALUES ('1001', 'PPO-${values.length}', 'PPO', 'PPO', 1, 2, 3, 4, ${values})`);
      await insert('100000, 200000, 500000, 1000000, 200000, 400000, 1000000, 2000000');
      await expect(insert('100000, NULL, 500000, 1000000, 200000, 400000, 1000000, 2000000')).rejects.toThrow(/plans_cost_sharing_all_or_none/);
      // A family deductible below one person's, and a deductible above its out-of-pocket maximum.
      await expect(insert('100000, 90000, 500000, 1000000, 200000, 400000, 1000000, 2000000')).rejects.toThrow(/plans_cost_sharing_amounts/);
      await expect(insert('100000, 200000, 500000, 1000000, 2000000, 4000000, 1000000, 2000000')).rejects.toThrow(/plans_cost_sharing_amounts/);
    } finally {
      await pg.close();
    }
  });
});

describe.each(backends())('a group\'s plans with cost sharing and the member services phone (%s)', (backend) => {
  let service: TestService;
  let token: string;
  const sandbox = sandboxGroupDefinitions[0]?.group;
  if (!sandbox) throw new Error('The sandbox has groups');
  beforeAll(async () => {
    service = await startTestService({ backend, billingPlan: { ...sandboxBillingPlan, memberServicesPhone: '1-614-555-0100', accountSetupPhone: '1-614-555-0123' } });
    await service.createGroup(sandbox.groupNumber, { plans: sandbox.plans });
    // The test kit's group: plans set up with no cost sharing, as before the plan service recorded it.
    await service.createGroup('7201');
    const user = await service.signUpUser();
    await service.grantRole(user.userId, sandbox.groupNumber, 'billing');
    await service.grantRole(user.userId, '7201', 'read_only');
    token = user.token;
  });
  afterAll(async () => service?.close());

  it('sends each plan\'s figures as the operator set them, and the configured phone, to every role of the group', async () => {
    const group = await service.api<Group>('GET', `/v1/groups/${sandbox.groupNumber}`, { token });
    expect(group.status).toBe(200);
    // The plan service lists plans by code.
    const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
    expect(group.body.plans.map((p) => [p.code, p.costSharing])).toEqual([...sandbox.plans].sort(byCode).map((p) => [p.code, p.costSharing]));
    expect(group.body.plans.find((p) => p.kind === 'HDHP')?.costSharing?.inNetwork.deductible).toEqual({ individual: 300_000, family: 600_000 });
    expect(group.body.memberServicesPhone).toBe('1-614-555-0100');
  });

  it('sends the plan\'s contacts for Help: the billing team and the account-setup line', async () => {
    const group = await service.api<Group>('GET', `/v1/groups/${sandbox.groupNumber}`, { token });
    expect(group.body.serviceTeam).toEqual(sandboxBillingPlan.serviceTeam);
    expect(group.body.accountSetupPhone).toBe('1-614-555-0123');
  });

  it('sends no figures for a plan that has none on record, rather than made-up ones', async () => {
    const group = await service.api<Group>('GET', '/v1/groups/7201', { token });
    expect(group.status).toBe(200);
    expect(group.body.plans.map((p) => 'costSharing' in p)).toEqual([false, false]);
    expect(group.body.memberServicesPhone).toBe('1-614-555-0100');
  });

  it('refuses a plan whose family deductible is below one person\'s', async () => {
    const ppo = sandbox.plans[0];
    if (!ppo?.costSharing) throw new Error('The sandbox PPO has cost sharing');
    const inNetwork = { ...ppo.costSharing.inNetwork, deductible: { individual: 100_000, family: 50_000 } };
    await expect(service.createGroup('7202', { plans: [{ ...ppo, costSharing: { ...ppo.costSharing, inNetwork } }] })).rejects.toThrow(/family amount is at least the individual one/);
  });
});
