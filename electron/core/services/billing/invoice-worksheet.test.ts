import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ReconcileRow, Reconciliation } from '@shared/contract/methods/billing';
import { billingRoster, decemberLines, december, invoiceNumber } from '../../test-support/billing-roster';
import { insertInvoice } from '../../test-support/invoice-rows';
import { fileStore, testNow } from '../../test-support/transactions-test-store';
import { usdFormat } from '../../exports/spreadsheet-cells';
import { reconcileInvoice } from './invoice-reconciliation';
import { reconciliationWorksheet } from './invoice-worksheet';

function decemberReconciliation(): Reconciliation {
  const store = fileStore(billingRoster());
  insertInvoice(store.db, '4321', invoiceNumber, december, decemberLines());
  return reconcileInvoice(store.db, '4321', invoiceNumber, testNow);
}

/** A member line whose name and explanation try the CSV's quoting and its formula guard. */
const awkward: ReconcileRow = {
  kind: 'covered_not_billed',
  memberId: '432100099',
  memberName: '=HYPERLINK("http://x","Zoë, Ibáñez")',
  billed: null,
  roster: { planCode: 'PPO-A', tier: 'EMP', expectedCents: 50_005, coverageEnd: null },
  explanation: 'Line one\nline two',
  dispute: null,
};

/** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(textWithBom: string): string[][] {
  expect(textWithBom.startsWith('\uFEFF')).toBe(true);
  const text = textWithBom.slice(1);
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (!quoted && ch === ',') {
      record.push(field);
      field = '';
    } else if (!quoted && ch === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  expect(field).toBe('');
  return records;
}

describe('billing.worksheet: the reconciliation as a file to open in a spreadsheet', () => {
  it('writes a CSV with a UTF-8 byte-order mark, a header, dollars as numbers and RFC 4180 quoting', async () => {
    const result = decemberReconciliation();
    result.rows.push(awkward);
    const file = await reconciliationWorksheet(result, 'csv', testNow);
    expect(file).toMatchObject({ fileName: `${invoiceNumber}-reconciliation.csv`, contentType: 'text/csv; charset=utf-8' });
    const records = parseCsv(Buffer.from(file.base64, 'base64').toString('utf8'));
    expect(records[0]).toEqual([
      'Issue', 'Member ID', 'Member', 'Billed plan', 'Billed tier', 'Billed amount', 'Roster plan', 'Roster tier', 'Expected amount', 'Coverage end', 'What differs', 'Dispute',
    ]);
    expect(records).toHaveLength(1 + 6);
    expect(records[1]).toEqual([
      'Amount differs', '432100005', 'Ann Amount', 'PPO-A', 'EMP', '550.00', 'PPO-A', 'EMP', '500.00', '', 'Billed $550.00; the group’s PPO-A EMP rate for December 2026 is $500.00.', '',
    ]);
    expect(records[4]?.slice(0, 10)).toEqual(['Billed but not covered', '432100001', 'Tess Gone', 'PPO-A', 'EMP', '500.00', '', '', '', '2026-11-30']);
    // The formula is defused with an apostrophe; accents, commas, quotes and line breaks survive.
    expect(records[6]?.slice(0, 3)).toEqual(['Covered but not billed', '432100099', `'=HYPERLINK("http://x","Zoë, Ibáñez")`]);
    expect(records[6]?.[8]).toBe('500.05');
    expect(records[6]?.[10]).toBe('Line one\nline two');
  });

  it('writes an Excel workbook with a bold frozen header, column widths and money in a currency format', async () => {
    const result = decemberReconciliation();
    result.rows.push(awkward);
    const file = await reconciliationWorksheet(result, 'xlsx', testNow);
    expect(file).toMatchObject({ fileName: `${invoiceNumber}-reconciliation.xlsx`, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });

    const workbook = new ExcelJS.Workbook();
    const bytes = Buffer.from(file.base64, 'base64');
    // exceljs declares its own Buffer as an ArrayBuffer: hand it exactly the file's bytes.
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
    const sheet = workbook.getWorksheet('Reconciliation');
    if (sheet === undefined) throw new Error('no Reconciliation sheet');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getRow(1).getCell(1).value).toBe('Issue');
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(3).width).toBe(28);
    expect(sheet.rowCount).toBe(1 + 6);

    const ann = sheet.getRow(2);
    expect([ann.getCell(1).value, ann.getCell(2).value, ann.getCell(3).value, ann.getCell(6).value, ann.getCell(9).value]).toEqual(['Amount differs', '432100005', 'Ann Amount', 550, 500]);
    expect(ann.getCell(6).numFmt).toBe(usdFormat);
    expect(ann.getCell(9).numFmt).toBe(usdFormat);
    const nora = sheet.getRow(3);
    expect([nora.getCell(1).value, nora.getCell(6).value, nora.getCell(9).value]).toEqual(['Covered but not billed', null, 500]);
    // In a workbook the name is a string cell, never a formula.
    expect(sheet.getRow(7).getCell(3).value).toBe('=HYPERLINK("http://x","Zoë, Ibáñez")');
    expect(workbook.created.toISOString()).toBe(testNow);
  });
});
