import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ImportCheck, ImportItem } from '@shared/contract/methods/roster-import';
import type { SavedFile } from '@shared/contract/methods/rosters';
import { markSentRow } from '../../outbox/outbox-repository';
import { fillCsvTemplate, filesOfStore, newJobId, receiveFile, rowCells, type FilledRow } from '../../test-support/import-files';
import { fileStore, replicaState, testNow, transactionsCore } from '../../test-support/transactions-test-store';
import type { Store } from '../../store/store';
import { rosterImportHandlers } from './roster-import-handlers';
import { runImportCheck } from './run-import-check';

const group = '4321';
const address = { line1: '9 Oak St', city: 'Dayton', state: 'OH', zip: '45402' };

const okafor: FilledRow[] = [
  { action: 'Add', familyKey: 'F1', relationship: 'Employee', firstName: 'Nia', lastName: 'Okafor', dateOfBirth: '1990-04-04', gender: 'F', ssn: '555-11-2222', ...address, hireDate: '2026-10-01', employmentStatus: 'FT', planCode: 'PPO-A', effectiveDate: '2026-12-01' },
  { action: 'Add', familyKey: 'F1', relationship: 'Spouse', firstName: 'Ola', lastName: 'Okafor', dateOfBirth: '1989-01-01', gender: 'M', ssn: '555-11-3333' },
  { action: 'Add', familyKey: 'F1', relationship: 'child', firstName: 'Ben', lastName: 'Okafor', dateOfBirth: '2020-01-01', gender: 'M' },
];
const terminateZimmer: FilledRow = { action: 'terminate', memberId: '432000001', relationship: 'Employee', firstName: 'Walter', lastName: 'Zimmer', terminationDate: '2026-11-15', reason: 'termination_of_employment' };
/** Miller's coverage already ends 2026-10-31, the day the end-of-month rule gives for this event. */
const terminateMiller: FilledRow = { action: 'Terminate', memberId: '432000005', relationship: 'Employee', firstName: 'Mark', lastName: 'Miller', terminationDate: '2026-10-15', reason: 'termination_of_employment' };
const badBirthDate: FilledRow = { action: 'Add', familyKey: '432000002', relationship: 'Child', firstName: 'Ivy', lastName: 'Abbott', dateOfBirth: '2026-02-30', gender: 'F', reason: 'birth', effectiveDate: '2026-11-20' };
const abbottPhone: FilledRow = { action: 'Change', memberId: '432000002', relationship: 'Employee', firstName: 'Beth', lastName: 'Abbott', phone: '513-555-0100' };

function importCore(store: Store) {
  return transactionsCore(store, undefined, rosterImportHandlers);
}

async function template(store: Store, core: ReturnType<typeof importCore>, format: 'csv' | 'xlsx'): Promise<{ saved: SavedFile; bytes: Buffer }> {
  const saved = await core.ok<SavedFile>('roster.importTemplate', { groupNumber: group, format });
  return { saved, bytes: fs.readFileSync(filesOfStore(store).pathOf(saved.fileId)) };
}

async function checkCsv(store: Store, core: ReturnType<typeof importCore>, rows: FilledRow[]): Promise<ImportCheck> {
  const { bytes } = await template(store, core, 'csv');
  const fileId = await receiveFile(store, fillCsvTemplate(bytes, rows));
  return core.ok<ImportCheck>('roster.importCheck', { groupNumber: group, jobId: newJobId(), fileId, fileName: 'new hires.csv' });
}

const items = async (core: ReturnType<typeof importCore>, importId: number, outcome?: ImportItem['outcome']) =>
  (await core.ok<{ total: number; items: ImportItem[] }>('roster.importItems', { groupNumber: group, importId, ...(outcome === undefined ? {} : { outcome }) })).items;

describe('checking a CSV filled from the template', () => {
  it('says per member, by line, what would be queued, skipped or refused, and changes nothing', async () => {
    const store = fileStore();
    const core = importCore(store);
    const before = replicaState(store);
    const check = await checkCsv(store, core, [...okafor, terminateZimmer, terminateMiller, badBirthDate, abbottPhone]);
    expect(check).toEqual({ importId: check.importId, fileName: 'new hires.csv', format: 'csv', members: 7, queue: 5, skip: 1, refuse: 1, acknowledgment: null });
    expect(await items(core, check.importId)).toEqual([
      { location: { kind: 'line', number: 2 }, memberId: null, name: 'Nia Okafor', action: 'add', outcome: 'queue', reason: null },
      { location: { kind: 'line', number: 3 }, memberId: null, name: 'Ola Okafor', action: 'add', outcome: 'queue', reason: null },
      { location: { kind: 'line', number: 4 }, memberId: null, name: 'Ben Okafor', action: 'add', outcome: 'queue', reason: null },
      { location: { kind: 'line', number: 5 }, memberId: '432000001', name: 'Walter Zimmer', action: 'terminate', outcome: 'queue', reason: null },
      { location: { kind: 'line', number: 6 }, memberId: '432000005', name: 'Mark Miller', action: 'terminate', outcome: 'skip', reason: 'Already terminated: coverage ends 2026-10-31.' },
      {
        location: { kind: 'line', number: 7 },
        memberId: null,
        name: 'Ivy Abbott',
        action: 'add',
        outcome: 'refuse',
        reason: 'Date of birth "2026-02-30" is not a date in the form YYYY-MM-DD that exists.',
      },
      { location: { kind: 'line', number: 8 }, memberId: '432000002', name: 'Beth Abbott', action: 'change', outcome: 'queue', reason: null },
    ]);
    expect((await items(core, check.importId, 'refuse')).map((i) => i.location.number)).toEqual([7]);
    expect(replicaState(store)).toEqual(before);
    expect(store.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    expect(core.published.filter((e) => e.type === 'job.progress').at(-1)).toMatchObject({ done: 7, total: 7 });
  });

  it('refuses with the rule’s own message, and a later row sees an earlier one', async () => {
    const store = fileStore();
    const core = importCore(store);
    const dependentOfZimmer: FilledRow = { action: 'Terminate', memberId: '432000001-01', relationship: 'Spouse', terminationDate: '2026-11-15', reason: 'divorce' };
    const check = await checkCsv(store, core, [terminateZimmer, dependentOfZimmer, { ...okafor[0], ssn: '412-55-6789', familyKey: 'F2' }]);
    const [, spouse, sameSsn] = await items(core, check.importId);
    // The spouse ends with Zimmer on the earlier line: already terminated on that day.
    expect(spouse).toMatchObject({ name: 'Aaron Zimmer', outcome: 'skip', reason: 'Already terminated: coverage ends 2026-11-30.' });
    expect(sameSsn).toMatchObject({
      outcome: 'refuse',
      reason: 'This SSN matches another member of this group: check the number. If it is right, reinstate or update that member instead of enrolling again.',
    });
  });

  it('adds a dependent to an enrolled employee, reinstates, and corrects, as the wizards do', async () => {
    const store = fileStore();
    const core = importCore(store);
    const check = await checkCsv(store, core, [
      { action: 'Add', familyKey: '432000001', relationship: 'Child', firstName: 'Uma', lastName: 'Zimmer', dateOfBirth: '2026-11-20', gender: 'F', reason: 'birth', effectiveDate: '2026-11-20' },
      { action: 'Reinstate', memberId: '432000005', relationship: 'Employee' },
      { action: 'Reinstate', memberId: '432000002', relationship: 'Employee' },
      { action: 'Change', memberId: '432000003', relationship: 'Employee', dateOfBirth: '1980-05-06' },
      { action: 'Change', memberId: '432000003', relationship: 'Employee', dateOfBirth: '1980-05-06', reason: 'correction' },
    ]);
    expect((await items(core, check.importId)).map((i) => [i.location.number, i.name, i.outcome, i.reason])).toEqual([
      [2, 'Uma Zimmer', 'queue', null],
      [3, 'Mark Miller', 'queue', null],
      [4, 'Beth Abbott', 'skip', 'Already covered: there is nothing to reinstate.'],
      [5, 'José Muñoz', 'refuse', 'A date of birth can only be corrected: mark the change as a correction of a wrong record.'],
      [6, 'José Muñoz', 'queue', null],
    ]);
  });

  it('the report lists every member with its outcome and reason, never an SSN', async () => {
    const store = fileStore();
    const core = importCore(store);
    const check = await checkCsv(store, core, [...okafor, badBirthDate]);
    const report = await core.ok<SavedFile>('roster.importReport', { groupNumber: group, importId: check.importId, format: 'csv' });
    const text = fs.readFileSync(filesOfStore(store).pathOf(report.fileId), 'utf8');
    expect(text.replace(/^\uFEFF/, '').split('\n').slice(0, 3)).toEqual(['Location,Member ID,Name,Action,Outcome,Reason', 'Line 2,,Nia Okafor,Add,Queued,', 'Line 3,,Ola Okafor,Add,Queued,']);
    expect(text).toContain('Line 5,,Ivy Abbott,Add,Refused,');
    expect(text).not.toMatch(/555-?11-?2222|2222/);
    expect(store.db.prepare('SELECT count(*) FROM import_items WHERE request LIKE ?').pluck().get('%5551122%')).toBe(0);
  });

  it('the report CSV defuses a name from the file that a spreadsheet would run as a formula', async () => {
    const store = fileStore();
    const core = importCore(store);
    const check = await checkCsv(store, core, [{ ...okafor[0], firstName: '=HYPERLINK("x")' }]);
    const report = await core.ok<SavedFile>('roster.importReport', { groupNumber: group, importId: check.importId, format: 'csv' });
    const text = fs.readFileSync(filesOfStore(store).pathOf(report.fileId), 'utf8');
    expect(text.split('\n')[1]).toMatch(/^Line 2,,"'=HYPERLINK\(""x""\)/);
  });

  it('reads an X12 834: its members by segment, and a 999 acknowledgment beside the report', async () => {
    const store = fileStore();
    const core = importCore(store);
    const fileId = await receiveFile(store, fs.readFileSync(new URL('../../test-support/x12/example-834-terminations.x12', import.meta.url)));
    const check = await core.ok<ImportCheck>('roster.importCheck', { groupNumber: group, jobId: newJobId(), fileId, fileName: 'terminations.x12' });
    expect(check).toMatchObject({ format: 'x12-834', acknowledgment: { fileName: 'terminations.999.txt', contentType: 'text/plain' } });
    expect(check.members).toBeGreaterThan(0);
    const listed = await items(core, check.importId);
    expect(listed.every((item) => item.location.kind === 'segment' && item.action === 'terminate')).toBe(true);
    const ack = fs.readFileSync(filesOfStore(store).pathOf(check.acknowledgment?.fileId ?? ''), 'utf8');
    expect(ack).toMatch(/^ISA\*/);
    expect(ack).toMatch(/AK9\*A\*1\*1\*1~/);
  });

  it('refuses every member of an 834 whose envelope is broken, and says so in its 999', async () => {
    const store = fileStore();
    const core = importCore(store);
    const broken = fs.readFileSync(new URL('../../test-support/x12/example-834-terminations.x12', import.meta.url), 'utf8').replace(/SE\*(\d+)\*/, (_whole, count: string) => `SE*${Number(count) + 5}*`);
    const fileId = await receiveFile(store, broken);
    const check = await core.ok<ImportCheck>('roster.importCheck', { groupNumber: group, jobId: newJobId(), fileId, fileName: 'terminations.x12' });
    expect(check.queue).toBe(0);
    expect(check.refuse).toBe(check.members);
    expect((await items(core, check.importId))[0]?.reason).toMatch(/The whole file is rejected; its 999 acknowledgment lists the errors\./);
    expect(fs.readFileSync(filesOfStore(store).pathOf(check.acknowledgment?.fileId ?? ''), 'utf8')).toMatch(/IK5\*R/);
  });

  it('a cancelled job stops and records nothing', async () => {
    const store = fileStore();
    const core = importCore(store);
    const { jobs } = core;
    const { bytes } = await template(store, core, 'csv');
    const fileId = await receiveFile(store, fillCsvTemplate(bytes, Array.from({ length: 600 }, (_, i) => ({ ...terminateMiller, firstName: `M${i}` }))));
    const jobId = newJobId();
    const running = core.call('roster.importCheck', { groupNumber: group, jobId, fileId, fileName: 'x.csv' });
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(jobs.cancel(jobId)).toBe(true);
    expect(await running).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(store.db.prepare('SELECT count(*) FROM imports').pluck().get()).toBe(0);
    expect(jobs.cancel(jobId)).toBe(false);
  });
});

describe('the CLI’s dry run', () => {
  it('checks a file by path and reports every member as JSON, without SSNs', async () => {
    const store = fileStore();
    const core = importCore(store);
    const { bytes } = await template(store, core, 'csv');
    const file = filesOfStore(store).pathOf(await receiveFile(store, fillCsvTemplate(bytes, [...okafor, terminateMiller])));
    const report = await runImportCheck(store, group, file, { today: '2026-11-27', now: testNow, fileName: 'hires.csv' });
    expect(report).toMatchObject({ format: 'csv', members: 4, queue: 3, skip: 1, refuse: 0 });
    expect(report.items.map((i) => [i.location.number, i.outcome])).toEqual([
      [2, 'queue'],
      [3, 'queue'],
      [4, 'queue'],
      [5, 'skip'],
    ]);
    expect(JSON.stringify(report)).not.toMatch(/2222|3333/);
  });
});

describe('the Excel template', () => {
  it('explains its columns with the group’s plan codes, and reads back filled in', async () => {
    const store = fileStore();
    const core = importCore(store);
    const { bytes } = await template(store, core, 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Members', 'Columns']);
    const columns = workbook.getWorksheet('Columns');
    const planRow = columns?.getRows(1, columns.rowCount)?.find((r) => r.getCell(1).value === 'Plan code');
    expect(planRow?.getCell(3).value).toBe('PPO-A (Alpha PPO), HMO-Z (Zeta HMO)');

    const members = workbook.getWorksheet('Members');
    if (members === undefined) throw new Error('no Members sheet');
    for (const row of [...okafor, badBirthDate]) members.addRow(rowCells(row));
    // A date typed into Excel is a date cell, not text: read as the day it shows.
    const birth = members.getRow(3).getCell(9);
    birth.value = new Date(Date.UTC(1989, 0, 1));
    birth.numFmt = 'yyyy-mm-dd';
    const fileId = await receiveFile(store, Buffer.from(await workbook.xlsx.writeBuffer()));
    const check = await core.ok<ImportCheck>('roster.importCheck', { groupNumber: group, jobId: newJobId(), fileId, fileName: 'hires.xlsx' });
    expect(check).toMatchObject({ format: 'xlsx', members: 4, queue: 3, skip: 0, refuse: 1 });
    expect((await items(core, check.importId, 'refuse'))[0]?.location).toEqual({ kind: 'line', number: 5 });
  });
});

describe('confirming', () => {
  it('queues a family of three as one enrollment and each other member as its own transaction, all in one batch', async () => {
    const store = fileStore();
    const core = importCore(store);
    const check = await checkCsv(store, core, [...okafor, terminateZimmer, terminateMiller, badBirthDate, abbottPhone]);
    const confirmed = await core.ok<{ batchId: number; queue: number; skip: number; refuse: number }>('roster.importConfirm', { groupNumber: group, importId: check.importId });
    expect(confirmed).toEqual({ batchId: confirmed.batchId, queue: 5, skip: 1, refuse: 1 });
    const rows = store.db.prepare('SELECT kind, summary, batch_ref, status FROM outbox ORDER BY id').all();
    expect(rows).toEqual([
      { kind: 'enroll', summary: 'Enroll Nia Okafor with 2 dependents', batch_ref: confirmed.batchId, status: 'queued' },
      { kind: 'terminate', summary: 'Terminate 432000001 Walter Zimmer and 2 dependents (coverage ends 2026-11-30)', batch_ref: confirmed.batchId, status: 'queued' },
      { kind: 'update_demographics', summary: 'Update 432000002 Beth Abbott: phone', batch_ref: confirmed.batchId, status: 'queued' },
    ]);
    // SSNs only encrypted, in the outbox as everywhere.
    expect(store.db.prepare(`SELECT payload FROM outbox WHERE kind = 'enroll'`).pluck().get()).not.toContain('555112222');
    expect(store.db.prepare('SELECT count(*) FROM import_items WHERE secrets_encrypted IS NOT NULL').pluck().get()).toBe(0);
    expect(store.db.prepare(`SELECT count(*) FROM members WHERE member_id LIKE 'NEW-%'`).pluck().get()).toBe(3);
    const activity = await core.ok<{ items: { batch: unknown }[] }>('transactions.list', { groupNumber: group });
    expect(activity.items.map((i) => i.batch)).toEqual([0, 1, 2].map(() => ({ id: confirmed.batchId, label: 'File import: new hires.csv' })));
    expect(core.events).toEqual([
      { type: 'roster.changed', groupNumber: group },
      { type: 'activity.changed', groupNumber: group },
    ]);

    const again = await core.call('roster.importConfirm', { groupNumber: group, importId: check.importId });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(store.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(3);
  });

  it('re-checks the rules: a member changed since the check is reported refused, not queued', async () => {
    const store = fileStore();
    const core = importCore(store);
    const check = await checkCsv(store, core, [terminateZimmer, abbottPhone]);
    // Meanwhile someone terminated Zimmer from the wizard.
    await core.ok('transactions.submit', { groupNumber: group, transaction: { kind: 'terminate', request: { memberId: '432000001', reason: 'death', requestedDate: '2026-11-10' } } });
    const confirmed = await core.ok<{ queue: number; refuse: number }>('roster.importConfirm', { groupNumber: group, importId: check.importId });
    expect(confirmed).toMatchObject({ queue: 1, refuse: 1 });
    expect((await items(core, check.importId, 'refuse'))[0]?.reason).toBe('Member 432000001 is already terminated (coverage ends 2026-11-30): reinstate the member first to change that date.');
  });
});

describe('cancelling the rest of a batch', () => {
  it('cancels what was not sent, restores the roster, and counts what was', async () => {
    const store = fileStore();
    const core = importCore(store);
    const before = replicaState(store);
    const check = await checkCsv(store, core, [terminateZimmer, ...okafor, abbottPhone]);
    const { batchId } = await core.ok<{ batchId: number }>('roster.importConfirm', { groupNumber: group, importId: check.importId });
    const [first] = store.db.prepare('SELECT id FROM outbox ORDER BY id').pluck().all() as number[];
    // The push took the first one: it is on its way to the plan.
    markSentRow(store.db, first as number, testNow);
    const zimmerPending = store.db.prepare(`SELECT * FROM members WHERE subscriber_id = '432000001' ORDER BY id`).all();

    expect(await core.ok('transactions.cancelBatch', { groupNumber: group, batchId })).toEqual({ cancelled: 2, alreadySent: 1 });
    expect(store.db.prepare('SELECT status FROM outbox ORDER BY id').pluck().all()).toEqual(['sent', 'cancelled', 'cancelled']);
    const after = replicaState(store);
    const notZimmer = (rows: unknown[]) => (rows as { subscriber_id: string }[]).filter((m) => m.subscriber_id !== '432000001');
    expect(notZimmer(after.members)).toEqual(notZimmer(before.members));
    expect(store.db.prepare(`SELECT * FROM members WHERE subscriber_id = '432000001' ORDER BY id`).all()).toEqual(zimmerPending);

    expect(await core.ok('transactions.cancelBatch', { groupNumber: group, batchId })).toEqual({ cancelled: 0, alreadySent: 1 });
    expect((await core.call('transactions.cancelBatch', { groupNumber: group, batchId: 999 })).ok).toBe(false);
  });
});

describe('a large file', () => {
  it('checks 10,000 rows in bounded time, yielding and telling its progress', async () => {
    const store = fileStore();
    const core = importCore(store);
    const rows: FilledRow[] = [];
    // Names are letters only: a distinct one per family from its number in base 26.
    const letters = (n: number) => [...n.toString(26)].map((d) => String.fromCharCode(97 + parseInt(d, 26))).join('');
    for (let i = 1; i <= 5000; i += 1) {
      const familyKey = `E${i}`;
      rows.push({ ...okafor[0], familyKey, firstName: `Nia ${letters(i)}`, ssn: `501${String(10 + (i % 89))}${String(i).padStart(4, '0')}` });
      rows.push({ ...okafor[1], familyKey, firstName: `Ola ${letters(i)}`, ssn: '' });
    }
    const started = performance.now();
    const checking = checkCsv(store, core, rows);
    // Other calls run between the check's chunks, and what they write stays: the dry run is on a copy.
    while (!core.published.some((e) => e.type === 'job.progress' && e.done > 0)) await new Promise<void>((resolve) => setImmediate(resolve));
    await core.ok('transactions.submit', { groupNumber: group, transaction: { kind: 'terminate', request: { memberId: '432000002', reason: 'death', requestedDate: '2026-11-10' } } });
    const submittedAfter = core.published.filter((e) => e.type === 'job.progress').length;
    const check = await checking;
    const seconds = (performance.now() - started) / 1000;
    expect(core.published.filter((e) => e.type === 'job.progress').length).toBeGreaterThan(submittedAfter);
    expect(store.db.prepare('SELECT summary FROM outbox').pluck().all()).toEqual(['Terminate 432000002 Beth Abbott (coverage ends 2026-11-30)']);
    console.info(`10,000-row CSV checked in ${seconds.toFixed(1)} s`);
    expect(check).toMatchObject({ members: 10_000, queue: 10_000, skip: 0, refuse: 0 });
    expect(core.published.filter((e) => e.type === 'job.progress').length).toBeGreaterThan(40);
    expect(seconds).toBeLessThan(60);
  }, 120_000);
});
