import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { contract, type MethodName, type Result } from '@shared/contract';
import type { CoreEvent } from '@shared/contract/events';
import { createDispatcher } from '../../dispatch/dispatcher';
import { checkGroupPermission } from '../../dispatch/group-permission';
import type { HandlerMap } from '../../dispatch/handler-types';
import { FileStore } from '../../files/file-store';
import { JobRegistry } from '../../runtime/job-registry';
import { SessionState } from '../../session/session-state';
import { grantLocalUser } from '../../test-support/local-replica';
import { fixtureMembers, fixtureToday, member } from '../../test-support/member-fixtures';
import { testPorts } from '../../test-support/test-ports';
import { fileStore, testNow } from '../../test-support/transactions-test-store';
import type { Store } from '../../store/store';
import { rosterExportHandlers } from './roster-export-handlers';
import { rosterImportHandlers } from './roster-import-handlers';

const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.db.close();
});

/** The real dispatcher with the group check, over a store in a real file and its data folder's files/. */
function exportCore(members = fixtureMembers()) {
  const store = fileStore(members);
  stores.push(store);
  grantLocalUser(store.db, ['4321'], testNow);
  const dataDir = path.dirname(store.path);
  const events: CoreEvent[] = [];
  const listeners: ((event: CoreEvent) => void)[] = [];
  const publish = (event: CoreEvent) => {
    events.push(event);
    for (const listener of listeners) listener(event);
  };
  const session = new SessionState({ serviceGiven: false, demo: false, connectedUrl: () => null });
  session.mode = 'sandbox';
  const jobs = new JobRegistry();
  const refuse = () => {
    throw new Error('not under test');
  };
  const all = Object.fromEntries(Object.keys(contract).map((name) => [name, refuse])) as unknown as HandlerMap;
  const dispatcher = createDispatcher({
    handlers: { ...all, ...rosterExportHandlers, ...rosterImportHandlers },
    validateOutput: true,
    log: (message) => {
      throw new Error(message);
    },
    publish,
    blocked: () => null,
    authorize: (method, input) => checkGroupPermission(method, input, (groupNumber) => session.roleIn(store, groupNumber)),
    context: (emit) => ({
      store,
      ...testPorts({ session, files: new FileStore(dataDir), jobs, publish }),
      today: () => fixtureToday,
      now: () => testNow,
      emit,
    }),
  });
  return {
    store,
    events,
    onEvent: (listener: (event: CoreEvent) => void) => listeners.push(listener),
    filesFolder: path.join(dataDir, 'files'),
    call: (method: MethodName, input: unknown): Promise<Result<unknown>> => dispatcher.dispatch(method, input),
  };
}

const jobId = '6f1c1a52-8d4e-4c1b-9a7e-2b1f0c3d4e5f';
const request = { groupNumber: '4321', jobId, scope: { kind: 'all' }, asOf: fixtureToday, columns: ['memberId', 'lastName'], format: 'csv' };

describe('roster.export', () => {
  it('writes the file into the data folder, names it by group and date, and reports progress', async () => {
    const core = exportCore();
    const result = await core.call('roster.export', request);
    expect(result).toMatchObject({ ok: true, value: { fileName: 'roster-4321-as-of-2026-11-27.csv', contentType: 'text/csv; charset=utf-8', rows: 5, asOf: fixtureToday } });
    if (!result.ok) return;
    const value = result.value as { fileId: string; bytes: number };
    const file = path.join(core.filesFolder, value.fileId);
    expect(fs.statSync(file).size).toBe(value.bytes);
    expect(fs.readFileSync(file, 'utf8')).toContain('432000001,Zimmer');
    expect(core.events.filter((e) => e.type === 'job.progress').at(-1)).toEqual({ type: 'job.progress', jobId, done: 5, total: 5 });
  });

  it('remembers the last columns and format per group, with defaults before the first download', async () => {
    const core = exportCore();
    expect(await core.call('roster.exportChoices', { groupNumber: '4321' })).toEqual({
      ok: true,
      value: { columns: ['memberId', 'relationship', 'lastName', 'firstName', 'dateOfBirth', 'planName', 'tier', 'status', 'effectiveDate', 'terminationDate'], format: 'csv' },
    });
    await core.call('roster.export', { ...request, columns: ['lastName', 'monthlyPremium'], format: 'xlsx' });
    expect(await core.call('roster.exportChoices', { groupNumber: '4321' })).toEqual({ ok: true, value: { columns: ['lastName', 'monthlyPremium'], format: 'xlsx' } });
  });

  it('leaves no file when the job is cancelled', async () => {
    // Enough members for several chunks, so the cancel lands while the file is being written.
    const many = Array.from({ length: 3000 }, (_, i) => member({ memberId: `4330${String(i).padStart(5, '0')}`, firstName: 'Pat', lastName: `Member${i}` }));
    const core = exportCore([...fixtureMembers(), ...many]);
    const running = core.call('roster.export', { ...request, format: 'pdf' });
    await vi.waitFor(() => expect(core.events.some((e) => e.type === 'job.progress' && e.done > 0)).toBe(true), { timeout: 20_000 });
    expect(await core.call('jobs.cancel', { jobId })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await running).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: 'The download was cancelled.' } });
    expect(fs.existsSync(core.filesFolder) ? fs.readdirSync(core.filesFolder) : []).toEqual([]);
    expect(await core.call('jobs.cancel', { jobId })).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('lets the store be written while a long download is under way', async () => {
    const many = Array.from({ length: 3000 }, (_, i) => member({ memberId: `4330${String(i).padStart(5, '0')}`, firstName: 'Pat', lastName: `Member${i}` }));
    const core = exportCore([...fixtureMembers(), ...many]);
    const writes: string[] = [];
    // A sync writing between two chunks: no statement of the export may hold the connection.
    core.onEvent((event) => {
      if (event.type === 'job.progress' && event.done > 0 && writes.length === 0) {
        core.store.db.prepare(`UPDATE members SET phone = '5555550100' WHERE member_id = '432000001'`).run();
        writes.push('written');
      }
    });
    expect(await core.call('roster.export', request)).toMatchObject({ ok: true, value: { rows: 3005 } });
    expect(writes).toEqual(['written']);
  });

  it('refuses a user who may not see members', async () => {
    const core = exportCore();
    core.store.db.prepare(`UPDATE user_groups SET role = 'billing'`).run();
    expect(await core.call('roster.export', request)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await core.call('roster.exportChoices', { groupNumber: '4321' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

describe('roster.export as an X12 834', () => {
  const partner = { x12Id: 'GROUPDESKPLAN', name: 'GroupDesk Health Plan', taxId: '990000002', usage: 'T' };

  it('says what is missing when the plan has not sent its X12 identity', async () => {
    const core = exportCore();
    expect(await core.call('roster.export', { ...request, format: 'x12-834' })).toMatchObject({ ok: false, error: { code: 'RULE', message: expect.stringMatching(/^The plan has not sent the details an X12 834 is addressed with yet/) } });
  });

  it('is addressed to the plan, and reads back through the import as no change for every member', async () => {
    const core = exportCore();
    core.store.db.prepare('UPDATE groups SET enrollment_partner = ? WHERE group_number = ?').run(JSON.stringify(partner), '4321');
    const result = await core.call('roster.export', { ...request, format: 'x12-834' });
    expect(result).toMatchObject({ ok: true, value: { fileName: 'roster-4321-as-of-2026-11-27.x12', rows: 5 } });
    if (!result.ok) return;
    const { fileId } = result.value as { fileId: string };
    const text = fs.readFileSync(path.join(core.filesFolder, fileId), 'utf8');
    expect(text).toMatch(/^ISA\*00\*.{10}\*00\*.{10}\*ZZ\*4321 {11}\*ZZ\*GROUPDESKPLAN {2}\*/);
    expect(text).toContain('N1*IN*GROUPDESK HEALTH PLAN*FI*990000002~');

    // The file the app wrote, handed back as a user would: every member is already so.
    const received = path.join(core.filesFolder, '0f8fad5b-d9cb-469f-a165-70867728950e');
    fs.copyFileSync(path.join(core.filesFolder, fileId), received);
    const check = await core.call('roster.importCheck', { groupNumber: '4321', jobId: '7f1c1a52-8d4e-4c1b-9a7e-2b1f0c3d4e5f', fileId: '0f8fad5b-d9cb-469f-a165-70867728950e', fileName: 'roster.x12' });
    expect(check).toMatchObject({ ok: true, value: { format: 'x12-834', members: 5, queue: 0, refuse: 0, skip: 5 } });
  });
});
