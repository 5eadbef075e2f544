import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { RosterExportColumn } from '@shared/contract/methods/rosters';
import { pdfText } from '../../../../test/support/pdf-text';
import { fixtureMembers, fixtureToday, member } from '../../test-support/member-fixtures';
import { fileStore, testNow } from '../../test-support/transactions-test-store';
import type { Store } from '../../store/store';
import { rosterAsOf } from './roster-as-of';
import { writeRosterFile, type RosterFileRequest } from './roster-file';
import { writeRosterPdf } from './writers/pdf-writer';
import { readXlsxIndependently } from '../../../../test/support/read-xlsx';

const stores: Store[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.db.close();
});

/** The fixture's families plus one whose tier changed this year and a name that tries the formula guard. */
function rosterStore(): Store {
  const store = fileStore([
    ...fixtureMembers(),
    member({
      memberId: '432000006',
      firstName: '=HYPERLINK("http://evil")',
      lastName: 'Núñez, "Tess"',
      coverage: [
        { planCode: 'PPO-A', tier: 'EMP', startDate: '2019-01-01', endDate: '2026-06-30', reason: 'Initial enrollment' },
        { planCode: 'PPO-A', tier: 'ESP', startDate: '2026-07-01', endDate: null, reason: 'Marriage' },
      ],
    }),
    member({ memberId: '432000006-01', firstName: '+1 spouse', lastName: '-Nunez', relationship: 'spouse', coverage: [{ planCode: 'PPO-A', tier: 'ESP', startDate: '2026-07-01', endDate: null, reason: 'Marriage' }] }),
  ]);
  stores.push(store);
  return store;
}

const ids = (store: Store, asOf: string, scope: RosterFileRequest['scope'] = { kind: 'all' }) =>
  [...rosterAsOf(store.db, { groupNumber: '4321', asOf, scope })].map((r) => `${r.memberId} ${r.tier} ${r.status}`);

describe('the roster as of a date', () => {
  it('reads each member as they stood that day, families together', () => {
    const store = rosterStore();
    // Today (2026-11-27): Miller (ended 2026-10-31) and Zoe (ended 2026-06-30) are gone; Muñoz is pending.
    expect(ids(store, fixtureToday)).toEqual([
      '432000002 ECH active',
      '432000003 EMP pending',
      '432000006 ESP active',
      '432000006-01 ESP active',
      '432000001 FAM active',
      '432000001-01 FAM active',
      '432000001-02 FAM active',
    ]);
    // In June Miller and Zoe were covered; before the marriage the tier was EMP and the spouse's coverage was still to come.
    expect(ids(store, '2026-06-15')).toEqual([
      '432000002 ECH active',
      '432000002-01 ECH active',
      '432000005 EMP active',
      '432000003 EMP pending',
      '432000006 EMP active',
      '432000006-01 ESP pending',
      '432000001 FAM active',
      '432000001-01 FAM active',
      '432000001-02 FAM active',
    ]);
    // Miller, terminated last month, is on the roster as of two months ago.
    expect(ids(store, '2026-09-27')).toContain('432000005 EMP active');
  });

  it('lists families in the roster screen\'s name order, whatever the accents and case', () => {
    const store = fileStore([
      ...fixtureMembers(),
      member({ memberId: '432000007', firstName: 'Åse', lastName: 'Ødegaard' }),
      member({ memberId: '432000008', firstName: 'Li', lastName: 'Wu' }),
      member({ memberId: '432000009', firstName: 'Ana', lastName: 'de la Cruz' }),
      member({ memberId: '432000009-01', firstName: 'Rafa', lastName: 'de la Cruz', relationship: 'child' }),
    ]);
    stores.push(store);
    const names = [...rosterAsOf(store.db, { groupNumber: '4321', asOf: fixtureToday, scope: { kind: 'all' } })].map((r) => `${r.lastName}, ${r.firstName}`);
    // Ødegaard among the O's, not after Zimmer; "de la Cruz" among the D's, her child after her.
    expect(names).toEqual(['Abbott, Beth', 'de la Cruz, Ana', 'de la Cruz, Rafa', 'Muñoz, José', 'Ødegaard, Åse', 'Wu, Li', 'Zimmer, Walter', 'Zimmer, Aaron', 'Zimmer, Yves']);
  });

  it('reads through indexes only: no statement walks the whole group or sorts it (docs/roster-downloads.md)', () => {
    const store = rosterStore();
    const prepared: string[] = [];
    const prepare = store.db.prepare.bind(store.db);
    store.db.prepare = ((sql: string) => {
      prepared.push(sql);
      return prepare(sql);
    }) as typeof store.db.prepare;
    expect(ids(store, fixtureToday)).toHaveLength(7);
    expect(prepared.length).toBeGreaterThanOrEqual(3);
    for (const sql of prepared) {
      const names = Object.fromEntries([...sql.matchAll(/@(\w+)/g)].map(([, name]) => [name, '']));
      const positional = (sql.match(/\?/g) ?? []).map(() => '');
      const details = (prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...positional, ...(Object.keys(names).length > 0 ? [names] : [])) as { detail: string }[]).map((row) => row.detail);
      // A scan, or a sort of the whole result, costs in proportion to the group for each chunk of a thousand families.
      expect(details.filter((detail) => /^SCAN|USE TEMP B-TREE FOR ORDER BY/.test(detail)), sql).toEqual([]);
    }
  });

  it('narrows to the scope, with status and plan taken on the date', () => {
    const store = rosterStore();
    expect(ids(store, fixtureToday, { kind: 'filtered', statuses: ['pending'] })).toEqual(['432000003 EMP pending']);
    expect(ids(store, '2026-09-27', { kind: 'filtered', planCodes: ['HMO-Z'] })).toEqual(['432000002 ECH active', '432000005 EMP active', '432000003 EMP pending']);
    expect(ids(store, fixtureToday, { kind: 'filtered', query: 'zimm', relationships: ['child'] })).toEqual(['432000001-02 FAM active']);
  });

  it('prices the subscriber at the rate for their tier that day, and not the dependents', () => {
    const store = rosterStore();
    const records = [...rosterAsOf(store.db, { groupNumber: '4321', asOf: '2026-06-15', scope: { kind: 'all' } })];
    expect(records.find((r) => r.memberId === '432000006')?.monthlyPremiumCents).toBe(50_000);
    expect(records.find((r) => r.memberId === '432000001')?.monthlyPremiumCents).toBe(150_000);
    expect(records.find((r) => r.memberId === '432000001-01')?.monthlyPremiumCents).toBeNull();
  });
});

const columns: RosterExportColumn[] = ['memberId', 'relationship', 'lastName', 'firstName', 'dateOfBirth', 'planName', 'tier', 'status', 'effectiveDate', 'terminationDate', 'monthlyPremium'];

async function exportTo(store: Store, format: RosterFileRequest['format'], options: { excelFriendly?: boolean; signal?: AbortSignal } = {}) {
  const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'groupdesk-roster-')), `out.${format}`);
  const progress: [number, number | null][] = [];
  const rows = await writeRosterFile(
    store.db,
    { groupNumber: '4321', asOf: fixtureToday, scope: { kind: 'all' }, columns, format, excelFriendly: options.excelFriendly ?? true },
    target,
    testNow,
    options.signal ?? new AbortController().signal,
    (done, total) => progress.push([done, total]),
  );
  return { target, rows, progress };
}

describe('roster files', () => {
  it('writes CSV with labels for headers and formulas defused', async () => {
    const { target, rows, progress } = await exportTo(rosterStore(), 'csv');
    expect(rows).toBe(7);
    expect(progress.at(-1)).toEqual([7, 7]);
    const bytes = fs.readFileSync(target);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    const table = parse(bytes, { bom: true }) as string[][];
    expect(table[0]).toEqual(['Member ID', 'Relationship', 'Last name', 'First name', 'Date of birth', 'Plan', 'Tier', 'Status', 'Effective date', 'Termination date', 'Monthly premium']);
    const tess = table.find((row) => row[0] === '432000006');
    expect(tess?.slice(2, 4)).toEqual(['Núñez, "Tess"', `'=HYPERLINK("http://evil")`]);
    expect(tess?.slice(6)).toEqual(['ESP', 'Active', '2019-01-01', '', '1000.00']);
    const spouse = table.find((row) => row[0] === '432000006-01');
    expect(spouse?.slice(1, 4)).toEqual(['Spouse', `'-Nunez`, `'+1 spouse`]);
    // Administrators read "Employee", as on every screen, never the X12 word.
    expect(table.find((row) => row[0] === '432000001')?.[1]).toBe('Employee');
    expect(bytes.toString('utf8')).not.toContain('Subscriber');
  });

  it.each([
    ['=', '=1+2', `'=1+2`],
    ['+', '+1 555', `'+1 555`],
    ['-', '-2+3', `'-2+3`],
    ['@', '@SUM(A1)', `'@SUM(A1)`],
    ['a tab', '\t=cmd', `'\t=cmd`],
    ['a carriage return', '\r=cmd', `'\r=cmd`],
    ['a later sign only', 'Ann-Marie = 1', 'Ann-Marie = 1'],
  ])('defuses CSV text that starts with %s', async (_name, typed, written) => {
    const store = fileStore([member({ memberId: '432000009', firstName: typed, lastName: 'Case', email: typed })]);
    stores.push(store);
    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'groupdesk-roster-')), 'out.csv');
    const request = { groupNumber: '4321', asOf: fixtureToday, scope: { kind: 'all' as const }, columns: ['firstName', 'email'] as RosterExportColumn[], format: 'csv' as const, excelFriendly: false };
    await writeRosterFile(store.db, request, target, testNow, new AbortController().signal, () => undefined);
    expect(parse(fs.readFileSync(target), { relax_column_count: false })).toEqual([
      ['First name', 'Email'],
      [written, written],
    ]);
  });

  it('writes plain CSV without a byte-order mark, LF line ends', async () => {
    const { target } = await exportTo(rosterStore(), 'csv', { excelFriendly: false });
    const text = fs.readFileSync(target, 'utf8');
    expect(text.startsWith('Member ID,')).toBe(true);
    expect(text).not.toContain('\r\n');
  });

  it('writes XLSX with typed dates and money, a frozen filtered header and a summary', async () => {
    const { target, rows } = await exportTo(rosterStore(), 'xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(target);
    const sheet = workbook.getWorksheet('Roster');
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.autoFilter).toBeTruthy();
    expect(sheet?.rowCount).toBe(rows + 1);
    expect(sheet?.getRow(1).getCell(1).value).toBe('Member ID');
    const walter = sheet?.getRows(2, rows)?.find((row) => row.getCell(1).value === '432000001');
    expect(walter?.getCell(5).value).toEqual(new Date('1980-05-05T00:00:00Z'));
    expect(walter?.getCell(5).numFmt).toBe('mm/dd/yyyy');
    expect(walter?.getCell(11).value).toBe(1500);
    expect(walter?.getCell(11).numFmt).toContain('$');
    // A workbook's strings are never formulas: the name is kept as typed.
    expect(sheet?.getRows(2, rows)?.find((row) => row.getCell(1).value === '432000006')?.getCell(4).value).toBe('=HYPERLINK("http://evil")');
    const summary = workbook.getWorksheet('Summary');
    const values = Object.fromEntries((summary?.getRows(1, 6) ?? []).map((row) => [String(row.getCell(1).value), row.getCell(2).value]));
    expect(values).toMatchObject({ Group: 'Fixture Fabrication LLC (4321)', 'As of': new Date(`${fixtureToday}T00:00:00Z`), Employees: 4, Dependents: 3, Members: 7, 'Created at': new Date(testNow) });
  });

  it('writes a workbook another reader sees the same way: typed dates and money, frozen filtered header', async () => {
    const { target, rows } = await exportTo(rosterStore(), 'xlsx');
    const [roster, summary] = readXlsxIndependently(target);
    expect(roster).toMatchObject({ name: 'Roster', frozen: { state: 'frozen', topLeftCell: 'A2' }, rows: rows + 1 });
    expect(roster?.autoFilter).toMatch(/^A1:K\d+$/);
    expect(roster?.cells.A1).toMatchObject({ value: 'Member ID', type: 'text' });
    const walterRow = Object.entries(roster?.cells ?? {}).find(([ref, cell]) => ref.startsWith('A') && cell.value === '432000001')?.[0].slice(1);
    // Excel keeps a date as the number of days since 1899-12-30: 1980-05-05 is day 29346.
    expect(roster?.cells[`E${walterRow}`]).toEqual({ value: 29346, type: 'number', format: 'mm/dd/yyyy' });
    expect(roster?.cells[`K${walterRow}`]).toMatchObject({ value: 1500, type: 'number', format: expect.stringContaining('$') });
    expect(summary?.name).toBe('Summary');
  });

  it('writes a PDF with Noto Sans embedded, the group on every page and page numbers', async () => {
    const { target } = await exportTo(rosterStore(), 'pdf');
    const bytes = fs.readFileSync(target);
    const raw = bytes.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSans-Bold/);
    expect(raw).toMatch(/\/FontFile2/);
    const document = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 }).promise;
    expect((await document.getMetadata()).info).toMatchObject({ Title: 'Roster of Fixture Fabrication LLC as of 11/27/2026' });
    await document.destroy();
    const text = await pdfText(bytes);
    expect(text).toContain('Fixture Fabrication LLC · group 4321');
    expect(text).toContain('Roster as of 11/27/2026');
    expect(text).toContain('Page 1 of 1');
    // Dates read as on screen (Walter Zimmer's birthday), never as the file's ISO data.
    expect(text).toContain('05/05/1980');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).toContain('Núñez, "Tess"');
    expect(text).toMatch(/Zimmer Walter .*\$1500\.00/);
  });

  it('heads every page with the group and numbers the pages', async () => {
    const many = Array.from({ length: 85 }, (_, i) => member({ memberId: `4330${String(i).padStart(5, '0')}`, firstName: 'Pat', lastName: `Member${String(i).padStart(3, '0')}` }));
    const store = fileStore(many);
    stores.push(store);
    const text = await pdfText(fs.readFileSync((await exportTo(store, 'pdf')).target));
    const pages = text.split('\f');
    expect(pages).toHaveLength(3);
    pages.forEach((page, index) => {
      expect(page).toContain('Fixture Fabrication LLC · group 4321');
      expect(page).toContain('Roster as of 11/27/2026');
      expect(page).toContain(`Page ${index + 1} of 3`);
    });
    expect(pages[2]).toContain('Member084');
  });

  it('cuts text wider than its column with an ellipsis', async () => {
    const store = rosterStore();
    store.db.prepare(`UPDATE members SET last_name = 'Wolfeschlegelsteinhausenbergerdorff-Featherstonehaugh' WHERE member_id = '432000002'`).run();
    const text = await pdfText(fs.readFileSync((await exportTo(store, 'pdf')).target));
    expect(text).toMatch(/Wolfeschlegel\S*…/);
    expect(text).not.toContain('Featherstonehaugh');
  });

  it('refuses a PDF whose roster changed between its count and its pages', async () => {
    const store = rosterStore();
    const records = rosterAsOf(store.db, { groupNumber: '4321', asOf: fixtureToday, scope: { kind: 'all' } });
    const target = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'groupdesk-roster-')), 'out.pdf');
    const context = { groupNumber: '4321', groupName: 'Fixture Fabrication LLC', asOf: fixtureToday, createdAt: testNow };
    // Counted 8, but 7 arrive: the page count would be wrong.
    await expect(writeRosterPdf(records, target, columns, context, { excelFriendly: false, total: 8 }, new AbortController().signal, () => undefined)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('stops at once when cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(exportTo(rosterStore(), 'xlsx', { signal: controller.signal })).rejects.toThrow(/abort/i);
  });

  it('refuses an X12 834 until the plan has sent the identity it is addressed with', async () => {
    await expect(exportTo(rosterStore(), 'x12-834')).rejects.toMatchObject({ code: 'RULE', message: expect.stringMatching(/^The plan has not sent the details an X12 834 is addressed with yet/) });
  });
});
