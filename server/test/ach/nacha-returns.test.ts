import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ContractFailure } from '@shared/contract/errors';
import { parseNachaReturns } from '../../src/services/ach/nacha-returns';
import { nachaChecker } from './ach-test-files';
import { returnsFile } from './returns-file';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/nacha');
const fixture = (name: string) => readFileSync(path.join(fixtures, name), 'utf8');
const check = nachaChecker();
const TRACE = '123456780000042';

describe('NACHA returns and notifications of change', () => {
  it("reads a bank's returned WEB entries: R01 and R03 with the original traces and amounts", () => {
    expect(parseNachaReturns(fixture('return-WEB.ach'))).toEqual({
      returns: [
        { code: 'R01', known: true, originalTrace: '091400600000001', amountCents: 12354, dateOfDeath: null, addendaInfo: '', line: 3 },
        { code: 'R03', known: true, originalTrace: '091400600000003', amountCents: 4565, dateOfDeath: null, addendaInfo: '', line: 7 },
      ],
      changes: [],
    });
  });

  it("reads a bank's COR batch: C01 with the corrected account number", () => {
    expect(parseNachaReturns(fixture('cor-example.ach'))).toEqual({
      returns: [],
      changes: [{ code: 'C01', known: true, originalTrace: '121042880000001', correctedData: { accountNumber: '1918171614' }, rawCorrectedData: '1918171614', line: 3 }],
    });
  });

  it.each([
    ['R01', true],
    ['R02', true],
    ['R03', true],
    ['R04', true],
    ['R07', true],
    ['R08', true],
    ['R10', true],
    ['R16', true],
    ['R20', true],
    ['R29', true],
    ['R05', false],
    ['R24', false],
  ])('reads a %s return (known to the plan: %s)', (code, known) => {
    const text = returnsFile([{ kind: 'return', code, originalTrace: TRACE, amountCents: 412550, info: 'Account ending 6789' }]);
    expect(check(`return-${code}.ach`, text)).toMatchObject({ ok: true });
    expect(parseNachaReturns(text)).toEqual({
      returns: [{ code, known, originalTrace: TRACE, amountCents: 412550, dateOfDeath: null, addendaInfo: 'ACCOUNT ENDING 6789', line: 3 }],
      changes: [],
    });
  });

  it("reads the date of death of an R14 return, flagged as a code the plan does not act on", () => {
    const text = returnsFile([{ kind: 'return', code: 'R14', originalTrace: TRACE, amountCents: 100, dateOfDeath: '261130' }]);
    expect(parseNachaReturns(text).returns[0]).toMatchObject({ code: 'R14', known: false, dateOfDeath: '2026-11-30' });
  });

  it.each([
    ['C01', '44556677'.padEnd(29), { accountNumber: '44556677' }, true],
    ['C02', '021000021'.padEnd(29), { routingNumber: '021000021' }, true],
    ['C03', '021000021' + '   ' + '0099887766554433A', { routingNumber: '021000021', accountNumber: '0099887766554433A' }, true],
    ['C05', '37'.padEnd(29), {}, false],
  ])('reads a %s notification of change', (code, corrected, correctedData, known) => {
    const text = returnsFile([{ kind: 'change', code, originalTrace: TRACE, correctedData: corrected }]);
    expect(check(`noc-${code}.ach`, text)).toMatchObject({ ok: true });
    expect(parseNachaReturns(text)).toEqual({
      returns: [],
      changes: [{ code, known, originalTrace: TRACE, correctedData, rawCorrectedData: corrected.trim(), line: 3 }],
    });
  });

  it('reads a returns batch and a COR batch of one file together, with Windows line endings', () => {
    const text = returnsFile([
      { kind: 'return', code: 'R01', originalTrace: '123456780000001', amountCents: 100 },
      { kind: 'change', code: 'C01', originalTrace: '123456780000002', correctedData: '12345' },
      { kind: 'return', code: 'R29', originalTrace: '123456780000003', amountCents: 250 },
    ]);
    expect(check('returns-and-changes.ach', text)).toMatchObject({ ok: true });
    const read = parseNachaReturns(text.replaceAll('\n', '\r\n'));
    expect(read.returns.map((r) => [r.code, r.originalTrace, r.amountCents])).toEqual([
      ['R01', '123456780000001', 100],
      ['R29', '123456780000003', 250],
    ]);
    expect(read.changes.map((c) => [c.code, c.originalTrace, c.line])).toEqual([['C01', '123456780000002', 9]]);
  });

  const good = returnsFile([{ kind: 'return', code: 'R01', originalTrace: TRACE, amountCents: 412550 }]);
  const lines = good.trimEnd().split('\n');
  const withLine = (index: number, record: string) => lines.map((l, i) => (i === index ? record : l)).join('\n') + '\n';
  const withoutLine = (index: number) => lines.filter((_, i) => i !== index).join('\n') + '\n';

  it.each([
    ['a short record', withLine(2, lines[2]!.slice(0, 93)), 3, 'a record is 94 characters, this one has 93'],
    ['a long record', withLine(0, lines[0]! + ' '), 1, 'this one has 95'],
    ['a file that does not start with a header', withoutLine(0), 1, 'must start with a file header'],
    ['an unknown record type', withLine(2, '4' + lines[2]!.slice(1)), 3, 'unknown record type "4"'],
    ['an entry outside a batch', withoutLine(1), 2, 'an entry outside a batch'],
    ['an addenda of type 05', withLine(3, '705' + lines[3]!.slice(3)), 4, 'addenda type 05 is neither'],
    ['an entry without its addenda', withoutLine(3), 4, 'the entry on line 3 has no return (99) or change (98) addenda'],
    ['an entry whose addenda indicator is 0', withLine(2, lines[2]!.slice(0, 78) + '0' + lines[2]!.slice(79)), 4, 'must follow an entry whose addenda indicator is 1'],
    ['a return code that is not one', withLine(3, '799X01' + lines[3]!.slice(6)), 4, '"X01" is not a return reason code'],
    ['an original trace that is not digits', withLine(3, '799R01' + 'ABCDEFGHIJKLMNO' + lines[3]!.slice(21)), 4, 'original entry trace number must be 15 digits'],
    ['a batch control with the wrong count', withLine(4, '8200000003' + lines[4]!.slice(10)), 5, 'counts 3 entries and addenda, the batch has 2'],
    ['a batch control with the wrong total', withLine(4, lines[4]!.slice(0, 20) + '000000412551' + lines[4]!.slice(32)), 5, 'batch dollar totals do not match'],
    ['a file control with the wrong batch count', withLine(5, '9000002' + lines[5]!.slice(7)), 6, 'counts 2 batches, the file has 1'],
    ['no file control', withoutLine(5).split('\n').filter((l) => l !== '9'.repeat(94)).join('\n'), 5, 'ends without a file control'],
    ['a record after the file control', withLine(6, lines[2]!), 7, 'only 9-filled records may follow'],
  ])('refuses %s, naming its line', (_case, text, line, message) => {
    let failure: unknown;
    try {
      parseNachaReturns(text);
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ContractFailure);
    expect((failure as ContractFailure).code).toBe('VALIDATION');
    expect((failure as ContractFailure).message).toContain(`line ${line}:`);
    expect((failure as ContractFailure).message).toContain(message);
  });

  it('refuses a C02 whose corrected routing number fails its check digit', () => {
    const text = returnsFile([{ kind: 'change', code: 'C02', originalTrace: TRACE, correctedData: '021000022' }]);
    expect(() => parseNachaReturns(text)).toThrow('Returns file line 4: the corrected routing number is not a valid 9-digit routing number');
  });

  it('refuses an empty file', () => {
    expect(() => parseNachaReturns('')).toThrow('Returns file line 1: the file is empty');
  });
});
