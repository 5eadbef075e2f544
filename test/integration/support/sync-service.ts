import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { generateMembers } from '@shared/sandbox/generator';
import { startPlanService, type PlanService } from '../../../server/src/start';
import { createGroup, type NewGroupInput } from '../../../server/src/services/groups/create-group';
import { grantRole } from '../../../server/src/services/groups/grant-role';
import { createSession } from '../../../server/src/services/accounts/sessions';
import { bulkLoadMembers } from '../../../server/src/services/sandbox/bulk-load';
import { groupFeeds, users } from '../../../server/src/store/schema';
import { eq } from 'drizzle-orm';
import { apiClient, type Api } from '../../../server/test-support/http';
import { createScratchDatabase, type ScratchDatabase } from '../../../server/test-support/backends';
import { testClock } from '../../../server/test-support/clock';
import type { Backend } from '../../../server/src/store/db';
import type { Role } from '@shared/contract/roles';

export const syncGroupNumber = '550011';

export const syncGroup: NewGroupInput = {
  groupNumber: syncGroupNumber,
  name: 'Harbor Freight Lines',
  address: { line1: '40 Dock St', city: 'Toledo', state: 'OH', zip: '43604' },
  region: 'Northwest Ohio',
  plans: [
    { code: 'PPO-500', name: 'PPO 500', kind: 'PPO', rates: { EMP: 52_000, ESP: 104_000, ECH: 93_600, FAM: 150_800 } },
    { code: 'HMO-250', name: 'HMO 250', kind: 'HMO', rates: { EMP: 41_000, ESP: 82_000, ECH: 73_800, FAM: 118_900 } },
  ],
};

export interface SyncTestService {
  /** http://127.0.0.1:<port>; the same across stop and start. */
  readonly url: string;
  /** A primary administrator of the group, as the desktop signs in. */
  readonly userId: string;
  readonly token: string;
  readonly groupNumber: string;
  /** The plan's day when the service started (its clock starts at a fixed instant, not the machine's). */
  readonly today: string;
  /** The service's clock as a core reads one (ISO instants): the desktop cores in a test follow it. */
  now(): string;
  /** The running service (its database, for checks the API does not offer); throws while stopped. */
  readonly service: PlanService;
  readonly api: Api;
  /** The newest sequence number of the group's change feed. */
  head(): Promise<number>;
  /** Another user of the group (an administrator at the plan's side, say); returns their token. */
  addUser(userId: string, role: Role): Promise<string>;
  /**
   * Loads `subscribers` more generated families in bulk, as a plan-side import would: each batch
   * number gives its own member ID prefix (899, 898, …: below the numbers the plan hands out after it)
   * and SSNs, so batches never collide with each other or with enrollments.
   */
  loadFamilies(batch: number, subscribers: number): Promise<number>;
  /** Closes the service; its PGlite folder, SSN key and port number are kept for `start`. */
  stop(): Promise<void>;
  /** Starts it again on the same port with the same data. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  close(): Promise<void>;
}

const operator = { actorUserId: 'ops:sync-test', sessionId: null, ip: null };

/**
 * The real plan service on 127.0.0.1, on PGlite in a temporary folder (or, with `backend:
 * 'postgres'`, in a scratch database on the TEST_DATABASE_URL server), with one sandbox-style group
 * of `subscribers` families (shared/sandbox generator, loaded in bulk with its change feed) and a
 * signed-in primary administrator. It can be stopped and started on the same port with the same
 * data, as a plan service that goes away and comes back.
 */
export async function startSyncTestService(options: { subscribers: number; seed?: number; backend?: Backend }): Promise<SyncTestService> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-sync-plan-'));
  let scratch: ScratchDatabase | null = null;
  // One key for every start, as the service's own key file would be: SSN duplicate checks match across restarts.
  const ssnKey = randomBytes(32).toString('hex');
  const clock = testClock();
  const today = clock.now().toISOString().slice(0, 10);
  let running: PlanService | null = null;
  let port = 0;
  const start = async () => {
    if (running) return;
    const database = scratch ? { databaseUrl: scratch.url } : { dataDir };
    running = await startPlanService({ ...database, ssnKey, port, now: clock.now, limits: { global: 1_000_000, credentials: 10_000 } });
    port = Number(new URL(running.url).port);
    trackConnections(running);
  };
  const stopRunning = async () => {
    const stopping = running;
    running = null;
    if (stopping) await closeDroppingIdle(stopping);
  };
  try {
    if (options.backend === 'postgres') scratch = await createScratchDatabase();
    await start();
    const service = running as unknown as PlanService;
    const now = clock.now();
    await createGroup(service.db, syncGroup, operator, now);
    const records = generateMembers({ seed: options.seed ?? 4_2026, today, groupNumber: syncGroupNumber, plans: syncGroup.plans, subscribers: options.subscribers });
    await service.db.transaction((tx) => bulkLoadMembers(tx, service.ssnCipher, syncGroupNumber, records, now));
    const addUser = async (userId: string, role: Role): Promise<string> => {
      const db = (running as PlanService | null)?.db;
      if (!db) throw new Error('The plan service is stopped');
      const at = clock.now();
      await db.insert(users).values({ userId, passwordHash: 'not-used', name: `Test ${userId}`, email: `${userId}@example.com`, emailVerifiedAt: at, passwordChangedAt: at, createdAt: at });
      await db.transaction((tx) => grantRole(tx, { userId, groupNumber: syncGroupNumber, role }, operator, at));
      return (await createSession(db, userId, '127.0.0.1', at)).token;
    };
    const userId = 'sync.admin';
    const token = await addUser(userId, 'primary_admin');
    const url = `http://127.0.0.1:${port}`;
    return {
      url,
      userId,
      token,
      groupNumber: syncGroupNumber,
      today,
      now: () => clock.now().toISOString(),
      get service() {
        if (!running) throw new Error('The plan service is stopped');
        return running;
      },
      api: apiClient(url),
      addUser,
      head: async () => {
        const db = (running as PlanService | null)?.db;
        if (!db) throw new Error('The plan service is stopped');
        const [feed] = await db.select({ seq: groupFeeds.lastSeq }).from(groupFeeds).where(eq(groupFeeds.groupNumber, syncGroupNumber));
        return feed?.seq ?? 0;
      },
      async loadFamilies(batch, subscribers) {
        const db = (running as PlanService | null)?.db;
        const cipher = (running as PlanService | null)?.ssnCipher;
        if (!db || !cipher) throw new Error('The plan service is stopped');
        if (batch < 0 || batch > 199) throw new RangeError('Batches 0–199 have their own prefixes');
        const prefix = String(899 - batch);
        let n = 0;
        const records = [...generateMembers({ seed: 9_000 + batch, today, groupNumber: syncGroupNumber, plans: syncGroup.plans, subscribers })].map((r) => ({
          ...r,
          memberId: prefix + r.memberId.slice(3),
          subscriberId: prefix + r.subscriberId.slice(3),
          // Area 700–799 and group 10 or 11 name the batch; serials from 0001 number its members.
          ssn: r.ssn === null ? null : `${700 + Math.floor(batch / 2)}${10 + (batch % 2)}${String(++n).padStart(4, '0')}`,
        }));
        return db.transaction((tx) => bulkLoadMembers(tx, cipher, syncGroupNumber, records, clock.now()));
      },
      stop: stopRunning,
      start,
      async close() {
        await stopRunning();
        await scratch?.drop();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await (running as PlanService | null)?.close();
    await (scratch as ScratchDatabase | null)?.drop();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}

const idleSockets = new WeakMap<PlanService, { idle: Set<Socket>; stopping: boolean }>();

/** Follows which of the service's connections have no request in flight. */
function trackConnections(service: PlanService): void {
  const state = { idle: new Set<Socket>(), stopping: false };
  idleSockets.set(service, state);
  service.app.server.on('connection', (socket: Socket) => {
    if (state.stopping) return void socket.destroy();
    state.idle.add(socket);
    socket.once('close', () => state.idle.delete(socket));
  });
  service.app.server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    state.idle.delete(request.socket);
    response.once('close', () => {
      if (!request.socket.destroyed) state.idle.add(request.socket);
    });
  });
}

/**
 * Closes the service as a stopping process would: requests in flight are answered (and the change
 * streams ended by the service itself), connections with nothing in flight are dropped. A client
 * may hold a connected socket it never sent a request on (fetch's pool keeps one when a request
 * is aborted while connecting); the HTTP server would otherwise wait for it until its headers
 * timeout, a minute or more.
 */
async function closeDroppingIdle(service: PlanService): Promise<void> {
  const state = idleSockets.get(service);
  const closing = service.close();
  if (state) {
    state.stopping = true;
    for (const socket of state.idle) socket.destroy();
  }
  await closing;
}
