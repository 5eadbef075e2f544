import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { configFromEnv, type ServiceConfig } from '../src/config';
import { runOps } from '../src/ops/run';
import { openDatabase } from '../src/store/db';
import { groups, plans } from '../src/store/schema';

/** The operator commands as the CLI runs them: against the configured data folder, with exit codes. */
// Each command opens the PGlite data folder (the first one creates it): slow on a busy machine.
describe('ops command line', { timeout: 120_000 }, () => {
  let dir: string;
  let config: ServiceConfig;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'groupdesk-ops-'));
    config = configFromEnv({ DATA_DIR: dir }, dir);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function ops(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runOps(argv, config, (l) => out.push(l), (l) => err.push(l));
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('lists the commands, and each command explains itself with --help', async () => {
    const overview = await ops('--help');
    expect(overview.code).toBe(0);
    for (const name of ['create-group', 'requests', 'approve', 'reject']) expect(overview.out).toContain(name);
    const help = await ops('create-group', '--help');
    expect(help.out).toMatch(/--number <digits>/);
  });

  it('refuses an unknown command or a wrong invocation with exit code 2 and the usage', async () => {
    expect((await ops('launch-rockets')).code).toBe(2);
    const missing = await ops('create-group', '--number', '8100');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/required/);
    const badFlag = await ops('requests', '--colour');
    expect(badFlag.code).toBe(2);
    const badNumber = await ops('create-group', '--number', '81', '--name', 'X', '--region', 'West', '--address', '1 Main St, Springfield, IL 62701');
    expect(badNumber.err).toMatch(/4 to 10 digits/);
  });

  it('creates a group with plans and rates in the PGlite data folder, once', async () => {
    const plansJson = JSON.stringify([{ code: 'HMO-10', name: 'HMO 10', kind: 'HMO', rates: { EMP: 40000, ESP: 80000, ECH: 72000, FAM: 116000 } }]);
    const created = await ops('create-group', '--number', '8100', '--name', 'Harbor Freight Co', '--region', 'Northeast', '--address', '9 Dock Rd, Suite 2, Portland, ME 04101', '--policy', '{"waitingPeriodDays":60}', '--plans', plansJson);
    expect(created).toMatchObject({ code: 0, out: expect.stringMatching(/Created group 8100.*HMO-10/) });
    const again = await ops('create-group', '--number', '8100', '--name', 'Again', '--region', 'Northeast', '--address', '9 Dock Rd, Portland, ME 04101');
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists/);
    const { db, close } = await openDatabase({ dataDir: dir });
    try {
      const [group] = await db.select().from(groups);
      expect(group).toMatchObject({ groupNumber: '8100', address: { line1: '9 Dock Rd', line2: 'Suite 2', city: 'Portland', state: 'ME', zip: '04101' } });
      expect(group?.policy).toMatchObject({ waitingPeriodDays: 60, retroMonths: 2, dependentAgeLimit: 26 });
      expect(await db.select().from(plans)).toEqual([{ groupNumber: '8100', code: 'HMO-10', name: 'HMO 10', kind: 'HMO', rateEmp: 40000, rateEsp: 80000, rateEch: 72000, rateFam: 116000 }]);
    } finally {
      await close();
    }
    expect(await readdir(dir)).toEqual(expect.arrayContaining(['pglite', 'ssn.key']));
  });

  it('reports an empty request queue', async () => {
    expect((await ops('requests')).out).toBe('No pending requests.');
  });
});
