import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ContractFailure } from '@shared/contract';
import type { ImportRow } from '../import-row';
import { readCsv } from './csv-reader';
import { readXlsx } from './xlsx-reader';

async function all(rows: AsyncIterable<ImportRow>): Promise<ImportRow[]> {
  const out: ImportRow[] = [];
  for await (const row of rows) out.push(row);
  return out;
}

const csv = (text: string) => readCsv(Readable.from([Buffer.from(text)]));

describe('the CSV reader', () => {
  it('maps the header by label in any order and case, tolerates a BOM, and numbers rows by their first line', async () => {
    const rows = await all(
      csv('\uFEFFlast name,FIRST NAME,Relationship,action,Member ID,Address line 1,City,State,ZIP\n' + 'Okafor,Nia,Employee,Add,,"9 Oak St\nApt 2",Dayton,oh,45402\n\n' + 'Zimmer,Walter,employee,terminate,432000001,,,,\n'),
    );
    expect(rows.map((r) => [r.location.number, r.action, r.firstName, r.lastName, r.familyKey])).toEqual([
      [2, 'add', 'Nia', 'Okafor', 'line 2'],
      [5, 'terminate', 'Walter', 'Zimmer', '432000001'],
    ]);
    expect(rows[0]?.address).toEqual({ line1: '9 Oak St\nApt 2', city: 'Dayton', state: 'OH', zip: '45402' });
    expect(rows.every((r) => r.problems.length === 0)).toBe(true);
  });

  it('turns values that cannot mean anything into the row’s problems', async () => {
    const [row] = await all(csv('Action,Relationship,First name,Last name,Date of birth,Gender\nAdd,Cousin,Ann,Lee,2026-02-30,X\n'));
    expect(row?.problems).toEqual([
      'Relationship "Cousin" is not one the plan knows (Employee, Spouse, Child, …).',
      'Date of birth "2026-02-30" is not a date in the form YYYY-MM-DD that exists.',
      'Gender "X" is not one of F, M, U.',
    ]);
  });

  it('refuses a file that is not the template, naming the missing columns', async () => {
    await expect(all(csv('Name,Phone\nAnn,1\n'))).rejects.toThrow(ContractFailure);
    await expect(all(csv('Name,Phone\nAnn,1\n'))).rejects.toThrow('its first row has no Action, Relationship, First name, Last name column');
  });
});

describe('the XLSX reader', () => {
  it('reads the first sheet only, rows numbered as Excel shows them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Members');
    sheet.addRow(['Action', 'Relationship', 'First name', 'Last name', 'SSN']);
    sheet.addRow([]);
    sheet.addRow(['Add', 'Employee', { richText: [{ text: 'N' }, { text: 'ia' }] }, 'Okafor', '001-23-4567']);
    workbook.addWorksheet('Columns').addRow(['Action', 'Relationship', 'First name', 'Last name']);
    const rows = await all(readXlsx(Readable.from([Buffer.from(await workbook.xlsx.writeBuffer())])));
    expect(rows.map((r) => [r.location.number, r.firstName, r.ssn])).toEqual([[3, 'Nia', '001-23-4567']]);
  });
});
