import { alpha, numeric } from '../../src/services/ach/fixed-width';

/**
 * Writes a returns/NOC file the way the plan's bank would send one back: returned entries (with a 99
 * addenda) in one batch, notifications of change (98) in a COR batch, controls and blocking as for
 * any NACHA file, so the structural checker passes them too.
 */
export interface ReturnedEntry {
  kind: 'return';
  code: string;
  originalTrace: string;
  amountCents: number;
  /** YYMMDD, R14/R15. */
  dateOfDeath?: string;
  info?: string;
}

export interface ChangedEntry {
  kind: 'change';
  code: string;
  originalTrace: string;
  /** The 29-character corrected-data field as the bank lays it out. */
  correctedData: string;
}

const PLAN_BANK = '123456780';
const RETURNING_BANK = '02100002';

export function returnsFile(items: (ReturnedEntry | ChangedEntry)[]): string {
  const records = ['101 ' + PLAN_BANK + ' 021000021' + '261210' + '0700' + 'A' + '094101' + alpha('EXAMPLE ODFI BANK', 23, 'd') + alpha('FIRST BANK', 23, 'o') + ' '.repeat(8)];
  let hash = 0;
  let count = 0;
  let debits = 0;
  const groups = [
    { sec: 'CCD', items: items.filter((i) => i.kind === 'return') },
    { sec: 'COR', items: items.filter((i) => i.kind === 'change') },
  ].filter((g) => g.items.length > 0);
  let sequence = 0;
  groups.forEach((group, index) => {
    const batchNumber = numeric(index + 1, 7, 'batch');
    records.push('5200' + alpha('GROUPDESK HLTH', 16, 'c') + ' '.repeat(20) + '1990000002' + group.sec + alpha('HLTH PREM', 10, 'd') + ' '.repeat(6) + '261210' + '   ' + '1' + RETURNING_BANK + batchNumber);
    let batchHash = 0;
    let batchDebits = 0;
    for (const item of group.items) {
      sequence += 1;
      const trace = RETURNING_BANK + numeric(sequence, 7, 'sequence');
      const amount = item.kind === 'return' ? item.amountCents : 0;
      records.push('6' + (item.kind === 'return' ? '26' : '21') + PLAN_BANK + alpha('000123456789', 17, 'a') + numeric(amount, 10, 'amount') + alpha('880003', 15, 'i') + alpha('ACME WIDGETS INC', 22, 'n') + '  1' + trace);
      records.push(
        item.kind === 'return'
          ? '799' + item.code + item.originalTrace + (item.dateOfDeath ?? '      ') + '01100001' + alpha(item.info ?? '', 44, 'info') + trace
          : '798' + item.code + item.originalTrace + '      ' + '01100001' + alpha(item.correctedData, 29, 'corrected') + ' '.repeat(15) + trace,
      );
      batchHash += Number(PLAN_BANK.slice(0, 8));
      if (item.kind === 'return') batchDebits += amount;
    }
    const batchCount = group.items.length * 2;
    records.push('8200' + numeric(batchCount, 6, 'count') + numeric(batchHash % 10_000_000_000, 10, 'hash') + numeric(batchDebits, 12, 'debits') + numeric(0, 12, 'credits') + '1990000002' + ' '.repeat(25) + RETURNING_BANK + batchNumber);
    hash += batchHash;
    count += batchCount;
    debits += batchDebits;
  });
  const blocks = Math.ceil((records.length + 1) / 10);
  records.push('9' + numeric(groups.length, 6, 'b') + numeric(blocks, 6, 'k') + numeric(count, 8, 'c') + numeric(hash % 10_000_000_000, 10, 'h') + numeric(debits, 12, 'd') + numeric(0, 12, 'c') + ' '.repeat(39));
  while (records.length % 10 !== 0) records.push('9'.repeat(94));
  return records.join('\n') + '\n';
}
