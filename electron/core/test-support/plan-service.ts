import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestService, type TestService } from '../../../server/test-support/test-service';
import { bulkLoadMembers } from '../../../server/src/services/sandbox/bulk-load';
import { generateMembers } from '@shared/sandbox/generator';
import type { MemberList, MemberView } from '@shared/plan-api/members';
import { createCore, type InProcessCoreOptions } from '../core';
import type { CoreHandle } from '../core-types';
import type { SyncStatus } from '@shared/contract/methods/sync';
import type { CoreEvent } from '@shared/contract/events';
import type { TwoFactorPolicy } from '@shared/plan-api/two-factor';

/** The real plan service on 127.0.0.1 (PGlite) with one group of generated members and its administrator. */
export interface SyncTestService {
  service: TestService;
  groupNumber: string;
  userId: string;
  token: string;
  /** Members loaded. */
  members: number;
  today: string;
  /** The service's clock as the core reads one (ISO instants): a core following it gets this. */
  now: () => string;
  close(): Promise<void>;
}

export const syncTestPlans = [
  {
    code: 'PPO-500',
    name: 'PPO 500',
    kind: 'PPO' as const,
    rates: { EMP: 52_000, ESP: 104_000, ECH: 93_600, FAM: 150_800 },
    costSharing: {
      inNetwork: { deductible: { individual: 100_000, family: 200_000 }, outOfPocketMax: { individual: 600_000, family: 1_200_000 } },
      outOfNetwork: { deductible: { individual: 200_000, family: 400_000 }, outOfPocketMax: { individual: 1_200_000, family: 2_400_000 } },
    },
  },
  // Set up before the plan service recorded cost sharing: it has none.
  { code: 'HMO-250', name: 'HMO 250', kind: 'HMO' as const, rates: { EMP: 41_000, ESP: 82_000, ECH: 73_800, FAM: 118_900 } },
];

export async function startSyncTestService(options: { groupNumber?: string; subscribers?: number; twoFactorPolicy?: TwoFactorPolicy } = {}): Promise<SyncTestService> {
  const groupNumber = options.groupNumber ?? '660012';
  const service = await startTestService({ backend: 'pglite', ...(options.twoFactorPolicy ? { twoFactorPolicy: options.twoFactorPolicy } : {}) });
  try {
    await service.createGroup(groupNumber, { plans: syncTestPlans });
    const today = service.clock.now().toISOString().slice(0, 10);
    const records = generateMembers({ seed: 5, today, groupNumber, plans: syncTestPlans, subscribers: options.subscribers ?? 60 });
    const members = await service.db.transaction((tx) => bulkLoadMembers(tx, service.ssnCipher, groupNumber, records, service.clock.now()));
    const user = await service.signUpUser();
    await service.grantRole(user.userId, groupNumber, 'primary_admin');
    // Connections a closed core's live streams left behind would hold the service's close open.
    const close = async () => {
      service.app.server.closeAllConnections();
      await service.close();
    };
    return { service, groupNumber, userId: user.userId, token: user.token, members, today, now: () => service.clock.now().toISOString(), close };
  } catch (error) {
    await service.close();
    throw error;
  }
}

/** Every member of the group as the service answers GET /v1/groups/:groupNumber/members. */
export async function serviceMembers(test: SyncTestService): Promise<MemberView[]> {
  const members: MemberView[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = await test.service.api<MemberList>('GET', `/v1/groups/${test.groupNumber}/members?limit=1000&offset=${offset}`, { token: test.token });
    if (page.status !== 200) throw new Error(`GET members answered ${page.status}`);
    members.push(...page.body.members);
    if (offset + 1000 >= page.body.total) return members;
  }
}

export const tempDataDir = (): string => mkdtempSync(path.join(os.tmpdir(), 'groupdesk-sync-'));

/** Each data folder's key, as a host keeps it: a folder reopened by a later core opens under the same key. */
const folderKeys = new Map<string, Buffer>();

function keyOf(dataDir: string): Buffer {
  let key = folderKeys.get(dataDir);
  if (key === undefined) {
    key = randomBytes(32);
    folderKeys.set(dataDir, key);
  }
  return key;
}

/** A core following the test service with the administrator's token (no sandbox). */
export function syncTestCore(test: SyncTestService, options: Partial<InProcessCoreOptions> = {}) {
  const dataDir = options.dataDir ?? tempDataDir();
  return createCore({
    dataDir,
    encryptionKey: options.encryptionKey ?? keyOf(dataDir),
    planService: { url: test.service.url, token: test.token },
    sandbox: false,
    today: test.today,
    now: test.now,
    log: () => {},
    ...options,
  });
}

/** Resolves with the first `sync.status` (announced, or answered now) that passes `accept`. */
export async function waitForSync(core: CoreHandle, accept: (status: SyncStatus) => boolean): Promise<SyncStatus> {
  let stop = () => {};
  const announced = new Promise<SyncStatus>((resolve) => {
    stop = core.onEvent((event) => {
      if (event.type === 'sync.status' && accept(event)) resolve(event);
    });
  });
  try {
    const now = await core.call('sync.status', {});
    if (now.ok && accept(now.value as SyncStatus)) return now.value as SyncStatus;
    return await announced;
  } finally {
    stop();
  }
}

/** Resolves with the first event from now on that passes `accept` (listening starts at the call). */
export function waitForEvent<T extends CoreEvent['type']>(core: CoreHandle, type: T, accept: (event: Extract<CoreEvent, { type: T }>) => boolean = () => true): Promise<Extract<CoreEvent, { type: T }>> {
  return new Promise((resolve) => {
    const stop = core.onEvent((event) => {
      if (event.type !== type || !accept(event as Extract<CoreEvent, { type: T }>)) return;
      stop();
      resolve(event as Extract<CoreEvent, { type: T }>);
    });
  });
}

export const isQuiet = (status: SyncStatus): boolean => status.state === 'idle' && status.pending === 0 && status.progress === null;

/** Asks for a sync and resolves when the core is quiet again after it. */
export async function syncUntilQuiet(core: ReturnType<typeof createCore>): Promise<SyncStatus> {
  let seenActive = false;
  let stop = () => {};
  const quiet = new Promise<SyncStatus>((resolve) => {
    stop = core.onEvent((event: CoreEvent) => {
      if (event.type !== 'sync.status') return;
      if (!isQuiet(event)) seenActive = true;
      else if (seenActive) resolve(event);
    });
  });
  try {
    const asked = await core.call('sync.now', {});
    if (!asked.ok) throw new Error(`sync.now: ${asked.error.message}`);
    return await quiet;
  } finally {
    stop();
  }
}
