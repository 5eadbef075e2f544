import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { configFromEnv, type ServiceConfig } from '../src/config';
import { runOps } from '../src/ops/run';
import { openDatabase } from '../src/store/db';
import { groups, plans } from '../src/store/schema';
import { LOCK_FILE, lockDataFolder } from '../src/store/folder-lock';
import { writeOperatorFile } from '../src/ops/operator-file';

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

  it('creates a group with plans, rates and cost sharing in the PGlite data folder, once', async () => {
    const costSharing = {
      inNetwork: { deductible: { individual: 50_000, family: 100_000 }, outOfPocketMax: { individual: 400_000, family: 800_000 } },
      outOfNetwork: { deductible: { individual: 100_000, family: 200_000 }, outOfPocketMax: { individual: 800_000, family: 1_600_000 } },
    };
    const plansJson = JSON.stringify([{ code: 'HMO-10', name: 'HMO 10', kind: 'HMO', rates: { EMP: 40000, ESP: 80000, ECH: 72000, FAM: 116000 }, costSharing }]);
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
      expect(await db.select().from(plans)).toEqual([
        {
          groupNumber: '8100',
          code: 'HMO-10',
          name: 'HMO 10',
          kind: 'HMO',
          rateEmp: 40000,
          rateEsp: 80000,
          rateEch: 72000,
          rateFam: 116000,
          inNetworkDeductibleIndividual: 50_000,
          inNetworkDeductibleFamily: 100_000,
          inNetworkOopMaxIndividual: 400_000,
          inNetworkOopMaxFamily: 800_000,
          outOfNetworkDeductibleIndividual: 100_000,
          outOfNetworkDeductibleFamily: 200_000,
          outOfNetworkOopMaxIndividual: 800_000,
          outOfNetworkOopMaxFamily: 1_600_000,
        },
      ]);
    } finally {
      await close();
    }
    expect(await readdir(dir)).toEqual(expect.arrayContaining(['pglite', 'ssn.key']));
  });

  it('reports an empty request queue', async () => {
    expect((await ops('requests')).out).toBe('No pending requests.');
  });

  it('refuses in one line while another ops command holds the folder', async () => {
    const lock = await lockDataFolder(dir, 'ops seed-sandbox');
    try {
      const refused = await ops('requests');
      expect(refused).toEqual({
        code: 1,
        out: '',
        err: `The data folder ${dir} is in use by process ${process.pid} (ops seed-sandbox). It takes no operator commands (it may still be starting); run the command again once it has started, or when it has finished.`,
      });
    } finally {
      await lock.release();
    }
  });

  it('says so in one line when the service holding the folder does not answer', async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as { port: number };
        probe.close(() => resolve(port));
      });
    });
    const lock = await lockDataFolder(dir, 'plan service');
    try {
      await writeOperatorFile(dir, { url: `http://127.0.0.1:${closedPort}`, token: 'ef'.repeat(32), pid: process.pid });
      const refused = await ops('requests');
      expect(refused.code).toBe(1);
      expect(refused.err).toMatch(new RegExp(`^The data folder .* is in use by process ${process.pid} \\(plan service\\)\\. Its operator endpoint http://127\\.0\\.0\\.1:${closedPort} did not answer \\(.*\\); check that it is running, or stop it and run the command again\\.$`));
    } finally {
      await lock.release();
    }
  });

  it('opens the folder itself when the service that held it crashed, leaving its lock and operator file behind', async () => {
    const endedPid = Number(execFileSync(process.execPath, ['-p', 'process.pid'], { encoding: 'utf8' }));
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: endedPid, id: 'crashed', host: os.hostname(), purpose: 'plan service' }));
    await writeOperatorFile(dir, { url: 'http://127.0.0.1:9', token: 'ef'.repeat(32), pid: endedPid });
    expect(await ops('requests')).toEqual({ code: 0, out: 'No pending requests.', err: '' });
    expect(await readdir(dir)).not.toContain(LOCK_FILE);
  });
});
