import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateMembers } from '@shared/sandbox/generator';
import { sandboxGroupDefinitions } from '@shared/sandbox/sandbox-groups';
import type { MemberRecord } from '@shared/sandbox/types';
import type { Group } from '@shared/contract/schemas/group';
import { createFieldCipher } from '../../electron/core/store/field-cipher';
import { openStore } from '../../electron/core/store/open-store';
import { saveGroup } from '../../electron/core/store/repositories/groups-repository';
import { bulkLoadMembers } from '../../electron/core/store/members/member-bulk-writer';
import { markReplicated } from '../../electron/core/store/repositories/sync-cursors';
import { grantLocalUser } from '../../electron/core/test-support/local-replica';
import type { BenchOptions } from './run';
import { BASE_MEMBERS } from './bench-size';
import { sandboxAchSettings } from '../../server/src/services/ach/ach-settings';

/**
 * 250,000 members with dependents, the size the roster is built for, or the `--members` asked for; a
 * smoke run's few hundred members only prove that every step works.
 */
export const benchRosterMembers = (options: BenchOptions): number => (options.smoke ? 500 : (options.members ?? BASE_MEMBERS));
export const benchToday = '2026-11-27';
const { senderId, usage, payee } = sandboxAchSettings.remittance;
const sandboxEnrollmentPartner = { x12Id: senderId, name: payee.name, taxId: payee.taxId, usage };
export const benchGroup: Group = (() => {
  const definition = sandboxGroupDefinitions[0];
  if (definition === undefined) throw new Error('The sandbox defines no group');
  return definition.group;
})();

/** Whole families of `generator`'s until at least `count` members (the last family is kept whole). */
export function* familiesUpTo(generator: Iterable<MemberRecord>, count: number): Generator<MemberRecord> {
  let n = 0;
  for (const record of generator) {
    if (n >= count && record.relationship === 'subscriber') return;
    n++;
    yield record;
  }
}

/** The generator's ID space holds a million subscribers: enough for any count of members a bench asks for up to about 2.4 million. */
const maxSubscribers = 1_000_000;

/** The bench group's members: whole families until at least `members`. */
export function benchMembers(members: number): Generator<MemberRecord> {
  const generator = generateMembers({ seed: 7, today: benchToday, groupNumber: benchGroup.groupNumber, plans: benchGroup.plans, subscribers: Math.min(members, maxSubscribers) });
  return familiesUpTo(generator, members);
}

const tempDirs = new Set<string>();

/** A temporary folder removed when the bench process exits: a 250k store is ~100 MB. */
export function benchTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  // One exit listener for them all: a run makes more folders than Node's listener warning allows.
  if (tempDirs.size === 0) process.once('exit', () => tempDirs.forEach((folder) => rmSync(folder, { recursive: true, force: true })));
  tempDirs.add(dir);
  return dir;
}

export interface RosterStore {
  dataDir: string;
  key: Buffer;
  members: number;
  load_ms: number;
}

/**
 * Makes a store file holding the bench group, the way a first sync or the seeding does: one
 * bulk-load transaction (of members generated beforehand or on the fly). Returns how long it took.
 */
export function buildRosterStore(members: Iterable<MemberRecord>): RosterStore {
  const dataDir = benchTempDir('groupdesk-bench-');
  const key = randomBytes(32);
  const opened = openStore({ dataDir });
  if (opened.db === null) throw new Error(`Bench store not ready: ${JSON.stringify(opened.state)}`);
  const db = opened.db;
  const now = new Date().toISOString();
  const start = performance.now();
  let loaded = 0;
  db.transaction(() => {
    // The plan's X12 identity comes with the group, as the sandbox sends it: an 834 download is addressed with it.
    saveGroup(db, { ...benchGroup, enrollmentPartner: sandboxEnrollmentPartner }, '2016-01-01', now);
    loaded = bulkLoadMembers(db, createFieldCipher(key), benchGroup.groupNumber, members, now);
    markReplicated(db, benchGroup.groupNumber, now);
    // The core acts as the sandbox's user over a replica without a plan service (its role decides what it may read).
    grantLocalUser(db, [benchGroup.groupNumber], now);
  })();
  const load_ms = performance.now() - start;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { dataDir, key, members: loaded, load_ms };
}

const shared = new Map<number, RosterStore>();

/** One store per bench run and size (members asked for), shared by the read benchmarks. */
export function sharedRosterStore(members: number): RosterStore {
  let store = shared.get(members);
  if (store === undefined) {
    store = buildRosterStore(benchMembers(members));
    shared.set(members, store);
  }
  return store;
}
