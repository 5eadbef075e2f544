import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RosterExportColumn } from '@shared/contract/methods/rosters';
import { generateMembers } from '@shared/sandbox/generator';
import { sandboxGroupDefinitions } from '@shared/sandbox/sandbox-groups';
import { buildRosterThread } from '../../../../../scripts/roster-thread-bundle.mjs';
import { createFieldCipher } from '../../../store/field-cipher';
import { bulkLoadMembers } from '../../../store/members/member-bulk-writer';
import { openStore } from '../../../store/open-store';
import { saveGroup } from '../../../store/repositories/groups-repository';
import { inFamilyOrder, type RosterAsOfQuery } from '../roster-as-of';
import { detailsRead } from '../roster-columns';
import { writeRosterFile } from '../roster-file';
import { writeCsvChunks } from '../writers/csv-writer';
import { csvChunksInThreads, rosterRanges } from './roster-threads';

/**
 * The reading threads as the built core starts them: the bundle scripts/build.mjs puts beside it,
 * built here into a private folder, over a real store file of 2,600 families (three ranges).
 */
const root = path.resolve(import.meta.dirname, '..', '..', '..', '..', '..');
const bundleDir = path.join(root, 'node_modules', '.cache', 'groupdesk-roster-thread', randomUUID());
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupdesk-roster-threads-'));
const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupdesk-roster-threads-out-'));
const definition = sandboxGroupDefinitions[0];
if (definition === undefined) throw new Error('The sandbox defines no group');
const group = definition.group;
const today = '2026-11-27';
const columns: RosterExportColumn[] = ['memberId', 'relationship', 'lastName', 'firstName', 'dateOfBirth', 'street', 'planName', 'tier', 'status', 'effectiveDate', 'terminationDate', 'monthlyPremium'];
let script = '';
let db: ReturnType<typeof openStore>['db'] = null;

beforeAll(async () => {
  script = await buildRosterThread({ root, dir: bundleDir, logLevel: 'silent' });
  const opened = openStore({ dataDir });
  db = opened.db;
  if (db === null) throw new Error('store not ready');
  const store = db;
  store.transaction(() => {
    saveGroup(store, group, '2016-01-01', '2026-11-27T08:00:00.000Z');
    bulkLoadMembers(store, createFieldCipher(Buffer.alloc(32, 7)), group.groupNumber, generateMembers({ seed: 11, today, groupNumber: group.groupNumber, plans: group.plans, subscribers: 2600 }), '2026-11-27T08:00:00.000Z');
  })();
}, 60_000);

afterAll(() => {
  db?.close();
  for (const folder of [dataDir, outDir, path.dirname(bundleDir)]) fs.rmSync(folder, { recursive: true, force: true });
});

function storeDb() {
  if (db === null) throw new Error('store not open');
  return db;
}

/** The roster's CSV written by two reading threads, as a large download is. */
async function csvInThreads(query: RosterAsOfQuery, signal = new AbortController().signal, threadScript = script): Promise<string> {
  const target = path.join(outDir, `${randomUUID()}.csv`);
  const chunks = csvChunksInThreads({ db: storeDb(), script: threadScript, threads: 2, query, data: { details: [...detailsRead(columns)], columns, recordEnd: '\r\n' }, signal });
  await writeCsvChunks(target, columns, { excelFriendly: true, total: null }, signal, () => undefined, chunks);
  return fs.readFileSync(target, 'utf8');
}

/** The same roster read on this thread alone. */
async function csvHere(query: RosterAsOfQuery): Promise<string> {
  const target = path.join(outDir, `${randomUUID()}.csv`);
  await writeRosterFile(storeDb(), { ...query, columns, format: 'csv', excelFriendly: true }, target, '2026-11-27T10:00:00.000Z', new AbortController().signal, () => undefined, null);
  return fs.readFileSync(target, 'utf8');
}

describe('a roster read in threads', () => {
  it('splits the subscribers into ranges that cover each family exactly once', () => {
    const ranges = [...rosterRanges(storeDb(), group.groupNumber)];
    expect(ranges.map((range) => range.index)).toEqual([0, 1, 2]);
    expect(ranges[0]?.after).toEqual(['', '', '']);
    expect(ranges[1]?.after).toEqual(ranges[0]?.through);
    expect(ranges[2]?.after).toEqual(ranges[1]?.through);
    expect(ranges[2]?.through).toBeNull();
  });

  it('writes the very file one thread writes, for everyone, a search and an older date', async () => {
    for (const query of [
      { groupNumber: group.groupNumber, asOf: today, scope: { kind: 'all' } },
      { groupNumber: group.groupNumber, asOf: today, scope: { kind: 'filtered', query: 'mar', statuses: ['active', 'pending'] } },
      { groupNumber: group.groupNumber, asOf: '2025-03-01', scope: { kind: 'all' } },
    ] satisfies RosterAsOfQuery[]) {
      const threaded = await csvInThreads(query);
      expect(threaded.split('\r\n').length).toBeGreaterThan(query.scope.kind === 'all' ? 5000 : 10);
      expect(threaded).toBe(await csvHere(query));
    }
  }, 60_000);

  it('stops its threads and the file when the download is cancelled', async () => {
    const controller = new AbortController();
    const target = path.join(outDir, 'cancelled.csv');
    const query: RosterAsOfQuery = { groupNumber: group.groupNumber, asOf: today, scope: { kind: 'all' } };
    const chunks = csvChunksInThreads({ db: storeDb(), script, threads: 2, query, data: { details: [...detailsRead(columns)], columns, recordEnd: '\n' }, signal: controller.signal });
    const written = writeCsvChunks(target, columns, { excelFriendly: false, total: null }, controller.signal, (done) => done > 0 && controller.abort(), chunks);
    await expect(written).rejects.toThrow(/abort/i);
  });

  it('fails the download, not the app, when a thread cannot start', async () => {
    const query: RosterAsOfQuery = { groupNumber: group.groupNumber, asOf: today, scope: { kind: 'all' } };
    await expect(csvInThreads(query, new AbortController().signal, path.join(bundleDir, 'missing.cjs'))).rejects.toThrow(/Cannot find module/);
  });
});

describe('family order', () => {
  it('puts a family read out of member ID order back in order, and leaves the families where they are', () => {
    const rows: [string, string][] = [
      ['900000002', '900000002'],
      ['900000001-02', '900000001'],
      ['900000001', '900000001'],
      ['900000001-01', '900000001'],
    ];
    expect(inFamilyOrder(rows)).toEqual([
      ['900000002', '900000002'],
      ['900000001', '900000001'],
      ['900000001-01', '900000001'],
      ['900000001-02', '900000001'],
    ]);
    const ordered: [string, string][] = [['1', '1'], ['1-01', '1']];
    expect(inFamilyOrder(ordered)).toBe(ordered);
  });
});
