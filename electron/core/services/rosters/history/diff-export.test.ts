import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { CoreEvent } from '@shared/contract/events';
import type { CoverageRecord } from '@shared/sandbox/types';
import { pdfText } from '../../../../../test/support/pdf-text';
import type { HandlerContext } from '../../../dispatch/handler-types';
import { FileStore } from '../../../files/file-store';
import { fixtureMembers, fixtureStore, fixtureToday, member } from '../../../test-support/member-fixtures';
import { testPorts } from '../../../test-support/test-ports';
import { exportRosterDiff } from './diff-export';

const span = (planCode: string, tier: CoverageRecord['tier'], startDate: string, endDate: string | null = null): CoverageRecord => ({ planCode, tier, startDate, endDate, reason: 'Initial enrollment' });
const jobId = '5b0b5d1e-8f0c-4c61-9a55-3f5d0d3c2a11';
const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

/** The fixture group with a member whose name a spreadsheet would run as a formula, over a real files folder. */
function exportContext() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'groupdesk-diff-export-'));
  folders.push(dataDir);
  const store = fixtureStore([...fixtureMembers(), member({ memberId: '432000008', firstName: 'Ann', lastName: '=HYPERLINK("x")', coverage: [span('PPO-A', 'EMP', '2026-11-01')] })]);
  const events: CoreEvent[] = [];
  const files = new FileStore(dataDir);
  const ctx: HandlerContext = {
    store,
    ...testPorts({ files, publish: (event) => events.push(event) }),
    today: () => fixtureToday,
    now: () => '2026-11-27T08:00:00.000Z',
    emit: () => undefined,
  };
  return { ctx, events, files };
}

const input = { groupNumber: '4321', from: '2026-10-15', to: '2026-11-27', jobId } as const;

describe('roster.exportDiff', () => {
  it('writes CSV with the changes in name order, formulas defused, and reports progress', async () => {
    const { ctx, events, files } = exportContext();
    const saved = await exportRosterDiff(ctx, { ...input, format: 'csv' });
    expect(saved).toMatchObject({ fileName: 'roster-changes-4321-2026-10-15-to-2026-11-27.csv', contentType: 'text/csv', rows: 2 });
    const text = fs.readFileSync(files.pathOf(saved.fileId), 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(parse(text.slice(1))).toEqual([
      ['Member ID', 'Employee ID', 'Relationship', 'Name', 'Change', 'Details'],
      ['432000008', '432000008', 'Employee', `'=HYPERLINK("x"), Ann`, 'Added', 'Coverage began 2026-11-01; Plan: Alpha PPO; Tier: Employee only'],
      ['432000005', '432000005', 'Employee', 'Miller, Mark', 'Terminated', 'Coverage ended 2026-10-31; Plan: Zeta HMO'],
    ]);
    expect(events).toEqual([
      { type: 'job.progress', jobId, done: 0, total: 2 },
      { type: 'job.progress', jobId, done: 2, total: 2 },
    ]);
  });

  it('writes an Excel workbook with a header row', async () => {
    const { ctx, files } = exportContext();
    const saved = await exportRosterDiff(ctx, { ...input, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(files.pathOf(saved.fileId));
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Member ID', 'Employee ID', 'Relationship', 'Name', 'Change', 'Details']);
    expect(sheet?.getRow(3).values).toEqual([undefined, '432000005', '432000005', 'Employee', 'Miller, Mark', 'Terminated', 'Coverage ended 2026-10-31; Plan: Zeta HMO']);
    expect(sheet?.rowCount).toBe(3);
  });

  it('writes a PDF that names the range and lists the members', async () => {
    const { ctx, files } = exportContext();
    const saved = await exportRosterDiff(ctx, { ...input, format: 'pdf' });
    expect(saved.contentType).toBe('application/pdf');
    const text = await pdfText(fs.readFileSync(files.pathOf(saved.fileId)));
    expect(text).toContain('Roster changes, group 4321');
    expect(text).toContain('Miller, Mark');
    expect(text).toContain('Coverage ended 2026-10-31');
  });

  it('leaves no file behind when cancelled', async () => {
    const { ctx, files } = exportContext();
    const controller = new AbortController();
    controller.abort(new Error('Cancelled by the user'));
    await expect(exportRosterDiff(ctx, { ...input, format: 'csv' }, controller.signal)).rejects.toThrow('Cancelled by the user');
    expect(fs.existsSync(files.folder) ? fs.readdirSync(files.folder) : []).toEqual([]);
  });

  it('refuses a range that runs backwards before writing anything', async () => {
    const { ctx } = exportContext();
    await expect(exportRosterDiff(ctx, { ...input, from: '2026-12-01', format: 'csv' })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
