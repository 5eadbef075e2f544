import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Me } from '@shared/plan-api/accounts';
import type { ChangesPage } from '@shared/plan-api/changes';
import type { PaymentList } from '@shared/plan-api/payments';
import { generateSandbox } from '@shared/sandbox/generator';
import { DataFolderInUseError, LOCK_FILE } from '../../server/src/store/folder-lock';
import { failureMessage } from './failure-message';
import { startSandboxPlanService, type SandboxPlanService } from './sandbox-service';

const today = '2026-03-02';
const dataDir = mkdtempSync(path.join(tmpdir(), 'groupdesk-sandbox-service-'));
const sandboxGroups = generateSandbox({ today }).groups.map((g) => g.group.groupNumber);
const running: SandboxPlanService[] = [];

afterAll(async () => {
  await Promise.all(running.map((s) => s.close()));
  rmSync(dataDir, { recursive: true, force: true });
});

async function start(): Promise<{ service: SandboxPlanService; lines: string[] }> {
  const lines: string[] = [];
  const service = await startSandboxPlanService({ dataDir, today, log: (line) => lines.push(line) });
  running.push(service);
  return { service, lines };
}

async function get<T>(service: SandboxPlanService, route: string, token = service.token): Promise<{ status: number; body: T }> {
  const response = await fetch(`${service.url}${route}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as T };
}

async function feedLength(service: SandboxPlanService, group: string): Promise<number> {
  const page = await get<{ changes: unknown[]; hasMore: boolean }>(service, `/v1/groups/${group}/changes?after=0&limit=10000`);
  expect(page.body.hasMore).toBe(false);
  return page.body.changes.length;
}

describe('startSandboxPlanService', () => {
  let firstFeed: number[] = [];
  let firstToken = '';

  it('on the first start, seeds the sandbox and signs in the sandbox administrator as primary_admin of each group', async () => {
    const { service, lines } = await start();
    expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const me = await get<Me>(service, '/v1/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ userId: 'sandbox.admin', name: 'Sandbox Administrator', emailVerified: true });
    expect(me.body.groups.map((g) => [g.groupNumber, g.role])).toEqual(sandboxGroups.map((g) => [g, 'primary_admin']));
    firstFeed = await Promise.all(sandboxGroups.map((g) => feedLength(service, g)));
    expect(firstFeed.every((n) => n > 0)).toBe(true);
    // Each group's payment history holds one settled debit, and its feed carries it to the desktop.
    for (const group of sandboxGroups) {
      const { payments } = (await get<PaymentList>(service, `/v1/groups/${group}/payments`)).body;
      expect(payments.map((p) => p.status)).toEqual(['settled']);
      const feed = (await get<ChangesPage>(service, `/v1/groups/${group}/changes?after=0&limit=10000`)).body;
      expect(feed.changes.filter((c) => c.entity === 'payment').map((c) => c.entityId)).toEqual(payments.map((p) => p.confirmationNumber));
    }
    // The log line carries timings and counts only.
    expect(lines).toEqual([expect.stringMatching(/^\[sandbox\] plan service ready in \d+ ms \(database \d+ ms, loaded \d+ members in \d+ ms\)$/)]);
    firstToken = service.token;
    await service.close();
  });

  it('on a later start, reuses the data: no second copy of anyone, no new grants, a new token that works', async () => {
    const { service, lines } = await start();
    expect(service.token).not.toBe(firstToken);
    const me = await get<Me>(service, '/v1/me');
    expect(me.body.groups.map((g) => [g.groupNumber, g.role])).toEqual(sandboxGroups.map((g) => [g, 'primary_admin']));
    expect(await Promise.all(sandboxGroups.map((g) => feedLength(service, g)))).toEqual(firstFeed);
    expect(lines).toEqual([expect.stringMatching(/^\[sandbox\] plan service ready in \d+ ms \(database \d+ ms\)$/)]);
  });

  it('has no password anyone could sign in with', async () => {
    const service = running.at(-1);
    if (!service) throw new Error('started above');
    const response = await fetch(`${service.url}/v1/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'sandbox.admin', password: 'Sandbox Administrator' }) });
    expect(response.status).toBe(401);
  });

  it('refuses a second sandbox on the same data folder while the first runs, in plain words', async () => {
    const refused = await startSandboxPlanService({ dataDir, today }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DataFolderInUseError);
    expect(failureMessage(refused)).toMatch(/^Another GroupDesk .* is using the sandbox in this data folder\./);
    // The running one is untouched, and still holds the folder.
    const service = running.at(-1);
    if (!service) throw new Error('started above');
    expect((await get<Me>(service, '/v1/me')).status).toBe(200);
  });

  it('starts after a crash: the lock a process that has ended left behind is taken over', async () => {
    await running.at(-1)?.close();
    const lockFile = path.join(dataDir, 'plan-service', LOCK_FILE);
    expect(existsSync(lockFile)).toBe(false);
    const endedPid = Number(execFileSync(process.execPath, ['-p', 'process.pid'], { encoding: 'utf8' }));
    writeFileSync(lockFile, JSON.stringify({ pid: endedPid, id: 'crashed', host: hostname(), purpose: 'GroupDesk sandbox' }));
    const { service } = await start();
    expect((await get<Me>(service, '/v1/me')).status).toBe(200);
  });
});
