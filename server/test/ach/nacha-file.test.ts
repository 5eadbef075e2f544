import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ContractFailure } from '@shared/contract/errors';
import { writeNachaFile, type AchEntry, type AchFileInput } from '../../src/services/ach/nacha-file';
import { nachaChecker, routingFor } from './ach-test-files';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/nacha');
const check = nachaChecker();

const premium: AchEntry = {
  kind: 'debit',
  accountType: 'checking',
  routing: '011000015',
  accountNumber: '000123456789',
  amountCents: 412550,
  individualId: 'GRP12345',
  receiverName: 'Acme Widgets Inc',
  traceSequence: 1,
  addenda: 'RMR*IK*INV202502042**4125.50\\',
};

const header: Omit<AchFileInput, 'entries'> = {
  fileDate: '2025-01-29',
  fileTime: '1600',
  fileIdModifier: 'A',
  originBankRouting: '123456780',
  destinationName: 'Example ODFI Bank',
  originName: 'Example Health Plan',
  companyName: 'Example Hlth Pln',
  companyId: '1990000002',
};

const fileOf = (entries: AchEntry[], overrides: Partial<AchFileInput> = {}) => writeNachaFile({ ...header, entries, ...overrides });
const records = (text: string) => text.trimEnd().split('\n');
const field = (record: string, from: number, to: number) => record.slice(from - 1, to);
const entry = (overrides: Partial<AchEntry>): AchEntry => ({ ...premium, addenda: undefined, ...overrides });

describe('NACHA origination file', () => {
  it('writes the premium debit of the sample file record for record (its batch header aside, which has a descriptive date)', () => {
    const sample = records(readFileSync(path.join(fixtures, 'example-ccd-premium-debit.ach'), 'utf8')).map((r) => r.padEnd(94, ' '));
    const written = records(fileOf([premium]).text);
    expect(written).toHaveLength(sample.length);
    written.forEach((record, i) => {
      if (record.startsWith('5')) return;
      expect(record, `record ${i + 1}`).toBe(sample[i]);
    });
    expect(check('sample.ach', fileOf([premium]).text)).toMatchObject({ ok: true });
  });

  const text = fileOf([premium, entry({ kind: 'prenote', accountType: 'savings', routing: '021000021', accountNumber: '9876', amountCents: 0, individualId: '880004', receiverName: 'Éclair Bäckerei & Café of Springfield', traceSequence: 2 })]).text;
  const [fileHeader, batchHeader, debit, addenda, prenote, batchControl, fileControl] = records(text);

  it.each([
    ['record type', 1, 1, '1'],
    ['priority', 2, 3, '01'],
    ['immediate destination', 4, 13, ' 123456780'],
    ['immediate origin', 14, 23, '1990000002'],
    ['file date', 24, 29, '250129'],
    ['file time', 30, 33, '1600'],
    ['file id modifier', 34, 34, 'A'],
    ['record size', 35, 37, '094'],
    ['blocking factor', 38, 39, '10'],
    ['format code', 40, 40, '1'],
    ['destination name', 41, 63, 'EXAMPLE ODFI BANK      '],
    ['origin name', 64, 86, 'EXAMPLE HEALTH PLAN    '],
    ['reference code', 87, 94, '        '],
  ])('file header: %s (%i–%i)', (_name, from, to, expected) => {
    expect(field(fileHeader!, from, to)).toBe(expected);
  });

  it.each([
    ['service class (debits only)', 2, 4, '225'],
    ['company name', 5, 20, 'EXAMPLE HLTH PLN'],
    ['discretionary data', 21, 40, ' '.repeat(20)],
    ['company identification', 41, 50, '1990000002'],
    ['SEC code', 51, 53, 'CCD'],
    ['company entry description', 54, 63, 'HLTH PREM '],
    ['descriptive date', 64, 69, '      '],
    ['effective entry date (next banking day)', 70, 75, '250130'],
    ['settlement date (the operator fills it)', 76, 78, '   '],
    ['originator status', 79, 79, '1'],
    ['ODFI', 80, 87, '12345678'],
    ['batch number', 88, 94, '0000001'],
  ])('batch header: %s (%i–%i)', (_name, from, to, expected) => {
    expect(field(batchHeader!, from, to)).toBe(expected);
  });

  it.each([
    ['transaction code (checking debit)', 2, 3, '27'],
    ['RDFI', 4, 11, '01100001'],
    ['check digit', 12, 12, '5'],
    ['account, left-justified', 13, 29, '000123456789     '],
    ['amount in cents, zero-filled', 30, 39, '0000412550'],
    ['identification (group number)', 40, 54, 'GRP12345       '],
    ['receiver name', 55, 76, 'ACME WIDGETS INC      '],
    ['discretionary data', 77, 78, '  '],
    ['addenda indicator', 79, 79, '1'],
    ['trace number', 80, 94, '123456780000001'],
  ])('debit entry: %s (%i–%i)', (_name, from, to, expected) => {
    expect(field(debit!, from, to)).toBe(expected);
  });

  it.each([
    ['addenda type', 2, 3, '05'],
    ['payment related information', 4, 83, 'RMR*IK*INV202502042**4125.50\\'.padEnd(80, ' ')],
    ['addenda sequence', 84, 87, '0001'],
    ['entry sequence', 88, 94, '0000001'],
  ])('addenda: %s (%i–%i)', (_name, from, to, expected) => {
    expect(field(addenda!, from, to)).toBe(expected);
  });

  it.each([
    ['transaction code (savings prenote)', 2, 3, '38'],
    ['zero amount', 30, 39, '0000000000'],
    ['name without accents, cut to 22', 55, 76, 'ECLAIR BACKEREI & CAFE'],
    ['no addenda', 79, 79, '0'],
    ['trace number', 80, 94, '123456780000002'],
  ])('prenote entry: %s (%i–%i)', (_name, from, to, expected) => {
    expect(field(prenote!, from, to)).toBe(expected);
  });

  it.each([
    ['service class', 2, 4, '225'],
    ['entry and addenda count', 5, 10, '000003'],
    ['entry hash: 01100001 + 02100002', 11, 20, '0003200003'],
    ['total debits', 21, 32, '000000412550'],
    ['total credits', 33, 44, '000000000000'],
    ['company identification', 45, 54, '1990000002'],
    ['MAC and reserved', 55, 79, ' '.repeat(25)],
    ['ODFI', 80, 87, '12345678'],
    ['batch number', 88, 94, '0000001'],
  ])('batch control: %s (%i–%i)', (_name, from, to, expected) => {
    expect(field(batchControl!, from, to)).toBe(expected);
  });

  it.each([
    ['batch count', 2, 7, '000001'],
    ['block count', 8, 13, '000001'],
    ['entry and addenda count', 14, 21, '00000003'],
    ['entry hash', 22, 31, '0003200003'],
    ['total debits', 32, 43, '000000412550'],
    ['total credits', 44, 55, '000000000000'],
    ['reserved', 56, 94, ' '.repeat(39)],
  ])('file control: %s (%i–%i)', (_name, from, to, expected) => {
    expect(field(fileControl!, from, to)).toBe(expected);
  });

  it('writes every record in 94 upper-case characters and passes the structural check', () => {
    for (const record of records(text)) {
      expect(record).toHaveLength(94);
      expect(record).toBe(record.toUpperCase());
    }
    expect(check('two-entries.ach', text)).toMatchObject({ ok: true });
  });

  it.each([
    ['debit', 'checking', '27'],
    ['debit', 'savings', '37'],
    ['prenote', 'checking', '28'],
    ['prenote', 'savings', '38'],
    ['micro_credit', 'checking', '22'],
    ['micro_credit', 'savings', '32'],
    ['micro_debit', 'checking', '27'],
    ['micro_debit', 'savings', '37'],
  ] as const)('a %s to %s uses transaction code %s', (kind, accountType, code) => {
    const amountCents = kind === 'prenote' ? 0 : 10;
    const entries = [entry({ kind, accountType, amountCents })];
    if (kind === 'micro_debit') entries.push(entry({ kind: 'micro_credit', accountType, amountCents: 10, traceSequence: 2 }));
    const file = fileOf(entries);
    const written = records(file.text).find((r) => r.startsWith('6') && field(r, 80, 94) === '123456780000001');
    expect(field(written!, 2, 3)).toBe(code);
    expect(check(`code-${code}-${kind}.ach`, file.text)).toMatchObject({ ok: true });
  });

  it('puts micro-deposits in their own ACCTVERIFY batch: 200 when it holds the offsetting debit, 220 when only credits', () => {
    const micro = (overrides: Partial<AchEntry>) => entry({ routing: '021000021', accountNumber: '5555', individualId: '880005', ...overrides });
    const mixed = fileOf([premium, micro({ kind: 'micro_credit', amountCents: 12, traceSequence: 2 }), micro({ kind: 'micro_credit', amountCents: 34, traceSequence: 3 }), micro({ kind: 'micro_debit', amountCents: 46, traceSequence: 4 })]);
    const batches = records(mixed.text).filter((r) => r.startsWith('5'));
    expect(batches.map((b) => [field(b, 2, 4), field(b, 54, 63), field(b, 88, 94)])).toEqual([
      ['225', 'HLTH PREM ', '0000001'],
      ['200', 'ACCTVERIFY', '0000002'],
    ]);
    const controls = records(mixed.text).filter((r) => r.startsWith('8'));
    expect(controls.map((c) => [field(c, 2, 4), field(c, 21, 32), field(c, 33, 44)])).toEqual([
      ['225', '000000412550', '000000000000'],
      ['200', '000000000046', '000000000046'],
    ]);
    expect(mixed).toMatchObject({ batchCount: 2, entryCount: 4, totalDebitCents: 412596, totalCreditCents: 46 });
    expect(check('micro-mixed.ach', mixed.text)).toMatchObject({ ok: true });

    const creditsOnly = fileOf([micro({ kind: 'micro_credit', amountCents: 12, traceSequence: 1 }), micro({ kind: 'micro_credit', amountCents: 34, traceSequence: 2 })]);
    const only = records(creditsOnly.text).filter((r) => r.startsWith('5'));
    expect(only.map((b) => [field(b, 2, 4), field(b, 54, 63), field(b, 88, 94)])).toEqual([['220', 'ACCTVERIFY', '0000001']]);
    expect(check('micro-credits.ach', creditsOnly.text)).toMatchObject({ ok: true });
  });

  it.each([
    ['a Wednesday', '2026-12-09', '261210'],
    ['a Friday: Monday', '2026-12-04', '261207'],
    ['the eve of Thanksgiving', '2026-11-25', '261127'],
    ['Christmas Eve, Christmas on a Friday', '2026-12-24', '261228'],
  ])('takes effect the next banking day after %s', (_day, fileDate, effective) => {
    const file = fileOf([premium], { fileDate });
    expect(field(records(file.text)[1]!, 70, 75)).toBe(effective);
    expect(file.effectiveEntryDate).toBe(`20${effective.slice(0, 2)}-${effective.slice(2, 4)}-${effective.slice(4)}`);
  });

  it('keeps the rightmost ten digits of the entry hash when the RDFI sum overflows them', () => {
    const routing = routingFor('72345678');
    const entries = Array.from({ length: 150 }, (_, i) => entry({ routing, traceSequence: i + 1, amountCents: 100 + i }));
    const file = fileOf(entries);
    const sum = 150 * 72_345_678; // 10,851,851,700: eleven digits
    const expected = String(sum % 10_000_000_000).padStart(10, '0');
    const all = records(file.text);
    expect(field(all.find((r) => r.startsWith('8'))!, 11, 20)).toBe(expected);
    expect(field(all.find((r) => r.startsWith('9') && r !== '9'.repeat(94))!, 22, 31)).toBe(expected);
    expect(check('hash-overflow.ach', file.text)).toMatchObject({ ok: true });
  });

  it.each([1, 2, 5, 6, 7, 12, 16, 17])('blocks %i entries by ten with 9-filled records, and counts the blocks', (count) => {
    const file = fileOf(Array.from({ length: count }, (_, i) => entry({ traceSequence: i + 1 })));
    const all = records(file.text);
    const used = count + 4;
    expect(all.length).toBe(Math.ceil(used / 10) * 10);
    expect(all.slice(used)).toEqual(Array(all.length - used).fill('9'.repeat(94)));
    expect(field(all[used - 1]!, 8, 13)).toBe(String(all.length / 10).padStart(6, '0'));
    expect(check(`blocking-${count}.ach`, file.text)).toMatchObject({ ok: true });
  });

  it('writes a day without payments as a file with no batch', () => {
    const file = fileOf([]);
    const all = records(file.text);
    expect(all).toHaveLength(10);
    expect(field(all[1]!, 1, 55)).toBe('9' + '000000' + '000001' + '0'.repeat(8 + 10 + 12 + 12));
    expect(check('empty.ach', file.text)).toMatchObject({ ok: true });
  });

  it('writes the same bytes for the same day whatever order the entries come in', () => {
    const entries = Array.from({ length: 30 }, (_, i) =>
      entry({ traceSequence: i + 1, amountCents: 1000 + i, kind: i % 7 === 0 ? 'prenote' : 'debit', ...(i % 7 === 0 ? { amountCents: 0 } : {}), accountType: i % 2 ? 'savings' : 'checking' }),
    );
    const first = fileOf(entries).text;
    expect(fileOf(entries).text).toBe(first);
    expect(fileOf([...entries].reverse()).text).toBe(first);
    expect(fileOf([...entries.slice(15), ...entries.slice(0, 15)]).text).toBe(first);
  });

  it.each<[string, Partial<AchEntry> | null, Partial<AchFileInput>, string]>([
    ['an amount in fractions of a cent', { amountCents: 412550.5 }, {}, 'entries.0.amountCents'],
    ['dollars given as a float', { amountCents: 4125.5 }, {}, 'entries.0.amountCents'],
    ['a negative amount', { amountCents: -1 }, {}, 'entries.0.amountCents'],
    ['an amount over ten digits', { amountCents: 10_000_000_000 }, {}, 'entries.0.amountCents'],
    ['a prenote with dollars', { kind: 'prenote', amountCents: 100 }, {}, 'entries.0.amountCents'],
    ['a zero-dollar debit', { amountCents: 0 }, {}, 'entries.0.amountCents'],
    ['a micro-deposit of a dollar', { kind: 'micro_credit', amountCents: 100 }, {}, 'entries.0.amountCents'],
    ['a routing number with a typo', { routing: '011000016' }, {}, 'entries.0.routing'],
    ['an 18-character account number', { accountNumber: '123456789012345678' }, {}, 'entries.0.accountNumber'],
    ['a 16-character identification', { individualId: '1234567890123456' }, {}, 'entries.0.individualId'],
    ['an 81-character addenda', { addenda: 'X'.repeat(81) }, {}, 'entries.0.addenda'],
    ['a trace sequence over seven digits', { traceSequence: 10_000_000 }, {}, 'entries.0.traceSequence'],
    ['a 17-character company name', null, { companyName: 'X'.repeat(17) }, 'companyName'],
    ['a 9-character company identification', null, { companyId: '199000000' }, 'companyId'],
    ['a lower-case file id modifier', null, { fileIdModifier: 'a' }, 'fileIdModifier'],
    ['a time of 24:00', null, { fileTime: '2400' }, 'fileTime'],
    ['a bad ODFI routing number', null, { originBankRouting: '123456789' }, 'originBankRouting'],
  ])('refuses %s, naming the field and never the account', (_case, entryChange, fileChange, fieldPath) => {
    const failure = captureFailure(() => fileOf([entry(entryChange ?? {})], fileChange));
    expect(failure.code).toBe('VALIDATION');
    expect(Object.keys(failure.fields ?? {})).toContain(fieldPath);
    expect(failure.message).not.toContain(premium.accountNumber);
  });

  it('refuses a trace sequence used twice', () => {
    const failure = captureFailure(() => fileOf([entry({}), entry({ amountCents: 5 })]));
    expect(failure.fields).toEqual({ 'entries.1.traceSequence': 'Used twice' });
  });

  it('refuses a micro-entry debit that takes back more than the micro-deposits to the same account', () => {
    const micro = (overrides: Partial<AchEntry>) => entry({ routing: '021000021', accountNumber: '5555', ...overrides });
    const other = entry({ kind: 'micro_credit', routing: '021000021', accountNumber: '6666', amountCents: 90, traceSequence: 3 });
    const failure = captureFailure(() => fileOf([micro({ kind: 'micro_credit', amountCents: 12, traceSequence: 1 }), micro({ kind: 'micro_debit', amountCents: 13, traceSequence: 2 }), other]));
    expect(failure.code).toBe('VALIDATION');
    expect(failure.message).toContain('micro-entry debit exceeds');
  });

  it('the structural check really checks: a file with a wrong total fails it', () => {
    const broken = text.replace('000000412550000000000000', '000000412551000000000000');
    expect(broken).not.toBe(text);
    expect(check('broken.ach', broken)).toMatchObject({ ok: false, output: expect.stringContaining('dollar totals mismatch') });
  });
});

function captureFailure(write: () => unknown): ContractFailure {
  try {
    write();
  } catch (error) {
    if (error instanceof ContractFailure) return error;
    throw error;
  }
  throw new Error('expected a ContractFailure');
}
