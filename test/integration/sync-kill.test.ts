import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActivityPage } from '@shared/contract/methods/transactions';
import type { ActivityItem } from '@shared/contract/schemas/transaction';
import type { MemberList } from '@shared/plan-api/members';
import { createRandom, type Random } from '@shared/util/random';
import { bundleChild, runChild, type KillPoint } from './support/child-core';
import { localCursor, localRoster, rosterDifferences, serviceRoster, type RosterRow } from './support/roster-compare';
import { serviceLedger, type ServiceLedger } from './support/service-ledger';
import { openSyncCore, value } from './support/sync-core';
import { syncToQuiet } from './support/sync-quiet';
import { startSyncTestService, type SyncTestService } from './support/sync-service';
import { localOutbox, markerName } from './support/transaction-inputs';

const KILLS = 100;
/**
 * Every launch's phase, transactions, kill line and plan-side changes come from this, so a failure
 * replays the same plan; where exactly a kill lands within the step a line announced can vary.
 */
const SEED = 20_261_127;

/** PostgreSQL where CI provides one (the service's writes then leave the test's own thread), else PGlite. */
const killBackend = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

type Phase = 'submit' | 'push' | 'pull';

/**
 * Where to kill a run, chosen from the child's own progress lines (plus a few milliseconds, so the
 * kill lands at different points of the step a line announced):
 * - submit: while it queues transactions (each one pending change + outbox row, in one write);
 * - push: after the n-th line once the sync began, while outbox rows are sent and answered;
 * - pull: after the n-th core event once the sync began, while feed pages are fetched and applied.
 */
function killPoint(phase: Phase, queued: number, random: Random): KillPoint {
  if (phase === 'submit') return { from: 'ready', counts: (line) => line.startsWith('submitted'), count: random.int(0, Math.max(0, queued - 1)), delayMs: random.pick([0, 0, 1]) };
  if (phase === 'push') return { from: 'sync', counts: () => true, count: random.int(0, 4 * queued + 2), delayMs: random.pick([0, 0, 1, 2, 4]) };
  return { from: 'sync', counts: (line) => line.startsWith('event'), count: random.int(0, 6), delayMs: random.int(0, 8) };
}

describe('a desktop core killed at random points during push and pull', () => {
  let service: SyncTestService;
  let work: string;
  let script: string;
  let clerkToken: string;

  beforeAll(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-sync-kill-'));
    [script, service] = await Promise.all([bundleChild(work), startSyncTestService({ subscribers: 60, backend: killBackend })]);
    clerkToken = await service.addUser('plan.clerk', 'admin');
  }, 120_000);
  afterAll(async () => {
    await service?.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  /** A plan-side administrator changes a member's e-mail (a desktop change to the same member then meets a newer version). */
  async function clerkChange(random: Random): Promise<void> {
    const list = await service.api<MemberList>('GET', `/v1/groups/${service.groupNumber}/members?relationship=subscriber&status=active&limit=20&offset=${random.int(0, 10)}`, { token: clerkToken });
    const member = list.body.members.length > 0 ? random.pick(list.body.members) : null;
    if (!member) return;
    const changed = await service.api('POST', `/v1/groups/${service.groupNumber}/demographics`, {
      token: clerkToken,
      headers: { 'idempotency-key': randomUUID() },
      body: { memberId: member.memberId, changes: { email: `clerk.${random.int(1, 99_999)}@example.com` }, effectiveDate: service.today, correction: false, expectedVersion: member.version },
    });
    expect(changed.status).toBe(201);
  }

  interface Desktop {
    userId: string;
    token: string;
    dataDir: string;
    keyHex: string;
    random: Random;
    /** Marker tags of its enrollments start here (transaction-inputs.ts). */
    firstTag: number;
    /** Outbox IDs its children printed as submitted, with the kind. */
    reported: Map<number, string>;
    issued: number[];
    kills: Record<Phase, number>;
    runs: number;
  }

  async function desktop(index: number): Promise<Desktop> {
    const userId = index === 0 ? service.userId : `sync.admin${index}`;
    const token = index === 0 ? service.token : await service.addUser(userId, 'primary_admin');
    const dataDir = path.join(work, `desktop-${index}`);
    mkdirSync(dataDir);
    const kills = { submit: 0, push: 0, pull: 0 };
    return { userId, token, dataDir, keyHex: `a${index}`.repeat(32), random: createRandom(SEED + index), firstTag: 10_000 * index + 1, reported: new Map(), issued: [], kills, runs: 0 };
  }

  const killed = (d: Desktop) => d.kills.submit + d.kills.push + d.kills.pull;

  /** One desktop's launches, each killed at a chosen point, until the desktops together were killed KILLS times. */
  async function killRuns(d: Desktop, all: readonly Desktop[], nextBatch: () => number): Promise<void> {
    const base = { dataDir: d.dataDir, keyHex: d.keyHex, url: service.url, token: d.token, groupNumber: service.groupNumber, today: service.today, clockOffsetMs: Date.parse(service.now()) - Date.now() };
    let nextTag = d.firstTag;
    while (all.reduce((n, x) => n + killed(x), 0) < KILLS && d.runs < 2 * KILLS) {
      d.runs++;
      const phase = d.random.weighted<Phase>([
        ['submit', 1],
        ['push', 3],
        ['pull', 3],
      ]);
      if (phase === 'pull') {
        await service.loadFamilies(nextBatch(), d.random.int(3, 12));
        if (d.random.chance(0.5)) await clerkChange(d.random);
      }
      const enrollTags = Array.from({ length: phase === 'pull' ? d.random.int(0, 1) : d.random.int(1, 2) }, () => nextTag++);
      const others = phase === 'pull' ? 0 : d.random.int(0, 1);
      d.issued.push(...enrollTags);
      const kill = killPoint(phase, enrollTags.length + others, d.random);
      const run = await runChild(script, { ...base, enrollTags, others, seed: d.random.int(1, 2 ** 30) }, kill, 30_000);
      for (const line of run.lines) {
        const submitted = /^submitted (\d+) (\S+)/.exec(line);
        if (submitted) d.reported.set(Number(submitted[1]), submitted[2] ?? '');
      }
      if (run.killed) d.kills[phase]++;
      else expect(run.exitCode, `run ${d.runs} of ${d.userId} ended by itself but failed:\n${run.stderr}`).toBe(0);
    }
  }

  /** A launch left alone: it syncs to quiet (finishing what the killed ones left) and lists the Activity. */
  async function settle(d: Desktop): Promise<ActivityItem[]> {
    const core = openSyncCore({ dataDir: d.dataDir, key: Buffer.from(d.keyHex, 'hex'), url: service.url, token: d.token, today: service.today, now: service.now });
    const caughtUp = async () => localCursor(d.dataDir, service.groupNumber) === (await service.head());
    const activity: ActivityItem[] = [];
    try {
      await syncToQuiet(core, caughtUp, service.now);
      for (let offset = 0; ; offset += 500) {
        const page = await value<ActivityPage>(core.call('transactions.list', { groupNumber: service.groupNumber, offset, limit: 500 }));
        activity.push(...page.items);
        if (activity.length >= page.total) break;
      }
    } finally {
      await core.close();
    }
    return activity;
  }

  /** Everything the desktop and the service hold is compared. */
  function verify(d: Desktop, activity: readonly ActivityItem[], remote: readonly RosterRow[], ledger: ServiceLedger): { transactions: number; accepted: number } {
    // Every transaction the user saw queued is there, answered: accepted, or rejected with a reason.
    const byId = new Map(activity.map((a) => [a.id, a]));
    for (const [id, kind] of d.reported) expect(byId.get(id), `${d.userId}'s transaction ${id} (${kind})`).toMatchObject({ kind });
    for (const item of activity) {
      expect(['accepted', 'rejected'], `${d.userId}'s transaction ${item.id} is ${item.status}`).toContain(item.status);
      if (item.status === 'accepted') expect(item.confirmationNumber).toMatch(/^TX-/);
      else expect(item.error?.message).toBeTruthy();
    }

    // The service applied exactly the accepted ones, each once: one key and one transaction apiece.
    const outbox = localOutbox(d.dataDir);
    const accepted = outbox.filter((o) => o.status === 'accepted');
    expect(ledger.keys.map((k) => k.key).sort()).toEqual(accepted.map((o) => o.idempotencyKey).sort());
    expect(ledger.keys.every((k) => k.status === 201)).toBe(true);
    expect(ledger.transactions.map((t) => t.confirmationNumber).sort()).toEqual(accepted.map((o) => o.confirmationNumber).sort());

    // Each enrollment made its subscriber once if accepted, never otherwise (killed before its write: never queued at all).
    for (const tag of d.issued) {
      const rows = outbox.filter((o) => o.marker === markerName(tag));
      expect(rows.length, `enrollment ${tag} queued more than once`).toBeLessThanOrEqual(1);
      const onService = remote.filter((m) => m.relationship === 'subscriber' && m.lastName === markerName(tag)).length;
      expect(onService, `enrollment ${tag} on the service`).toBe(rows[0]?.status === 'accepted' ? 1 : 0);
    }

    const local = localRoster(d.dataDir, service.groupNumber);
    expect(local.pending).toEqual([]);
    expect(rosterDifferences(local.rows, remote)).toEqual([]);
    return { transactions: outbox.length, accepted: accepted.length };
  }

  it('loses and duplicates no transaction, and ends with the service’s roster', async () => {
    const started = performance.now();
    // Two desktops (two administrators) at once: twice the kills in the time on a two-core machine.
    const desktops = [await desktop(0), await desktop(1)];
    let batch = 0;
    await Promise.all(desktops.map((d) => killRuns(d, desktops, () => batch++)));
    const kills = desktops.reduce((sum, d) => ({ submit: sum.submit + d.kills.submit, push: sum.push + d.kills.push, pull: sum.pull + d.kills.pull }), { submit: 0, push: 0, pull: 0 });
    expect(kills.submit + kills.push + kills.pull).toBeGreaterThanOrEqual(KILLS);
    expect(kills.push).toBeGreaterThan(KILLS / 4);
    expect(kills.pull).toBeGreaterThan(KILLS / 4);

    // Each one settles; then again, so each has pulled what the other sent while settling.
    for (const d of desktops) await settle(d);
    const activities = [];
    for (const d of desktops) activities.push(await settle(d));
    const remote = await serviceRoster(service.api, service.token, service.groupNumber);
    const totals = [];
    for (const [i, d] of desktops.entries()) totals.push(verify(d, activities[i] ?? [], remote, await serviceLedger(service.service, d.userId)));
    console.info(
      `sync-kill: ${desktops.map((d) => d.runs).join('+')} launches, kills ${JSON.stringify(kills)}, transactions ${JSON.stringify(totals)}, ${remote.length} members, ${Math.round(performance.now() - started)} ms`,
    );
  }, 120_000);
});
