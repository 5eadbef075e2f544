import { describe, expect, it } from 'vitest';
import { ContractFailure } from '@shared/contract/errors';
import { writeRemittance820, x12Amount, type RemittanceInterchange, type RemittancePayment } from '../../src/services/ach/x12-820';

const payment: RemittancePayment = {
  confirmationNumber: 'PAY-261207-7KQ4M2',
  groupNumber: '880003',
  amountCents: 412550,
  settlementDate: '2026-12-08',
  payer: { name: 'Acme Widgets, Inc.', bankRouting: '011000015', accountLast4: '6789' },
  invoices: [{ invoiceNumber: 'INV-2026-12-880003', paidCents: 412550, billedCents: 412550, periodStart: '2026-12-01', periodEnd: '2026-12-31' }],
};

const interchange: RemittanceInterchange = {
  senderId: 'GROUPDESKPLAN',
  receiverId: 'HLTHPLANAR',
  createdOn: '2026-12-08',
  createdTime: '0615',
  controlNumber: 103,
  usage: 'T',
  originatingCompanyId: '1990000002',
  payee: { name: 'GroupDesk Health Plan', taxId: '990000002', bankRouting: '123456780', accountNumber: '9876543210', accountType: 'checking' },
  payments: [payment],
};

const segments = (text: string) => text.trimEnd().split('~\n').map((s) => s.replace(/~$/, '').split('*'));
const ids = (text: string) => segments(text).map((s) => s[0]);
/** An X12 decimal back in cents, by its digits. */
const cents = (amount: string) => {
  const [dollars = '', fraction = ''] = amount.split('.');
  return Number(dollars) * 100 + Number(fraction.padEnd(2, '0'));
};

describe('X12 820 remittance', () => {
  it('writes a settled payment of one invoice as a summary remittance', () => {
    expect(writeRemittance820(interchange)).toBe(
      [
        'ISA*00*          *00*          *ZZ*GROUPDESKPLAN  *ZZ*HLTHPLANAR     *261208*0615*^*00501*000000103*0*T*:~',
        'GS*RA*GROUPDESKPLAN*HLTHPLANAR*20261208*0615*103*X*005010X218~',
        'ST*820*0001*005010X218~',
        'BPR*C*4125.5*C*ACH*CCP*01*011000015*DA*XXXXXX6789*1990000002**01*123456780*DA*9876543210*20261208~',
        'TRN*1*PAY-261207-7KQ4M2*1990000002~',
        'REF*38*880003~',
        'DTM*097*20261208~',
        'N1*PE*GROUPDESK HEALTH PLAN*FI*990000002~',
        'N1*PR*ACME WIDGETS, INC.~',
        'ENT*1~',
        'RMR*IK*INV-2026-12-880003*PI*4125.5*4125.5~',
        'DTM*582****RD8*20261201-20261231~',
        'SE*11*0001~',
        'GE*1*103~',
        'IEA*1*000000103~',
        '',
      ].join('\n'),
    );
  });

  it('writes the ISA in its fixed 106 characters, separators at their offsets', () => {
    const isa = writeRemittance820(interchange).split('\n')[0]!;
    expect(isa).toHaveLength(106);
    expect([isa[3], isa[82], isa[104], isa[105]]).toEqual(['*', '^', ':', '~']);
  });

  it.each([
    [412550, '4125.5'],
    [412500, '4125'],
    [412501, '4125.01'],
    [5, '0.05'],
    [10, '0.1'],
    [100, '1'],
    [0, '0'],
    [123_456_789_012, '1234567890.12'],
    [-10_000, '-100'],
  ])('formats %i cents as the X12 decimal %s', (cents, text) => {
    expect(x12Amount(cents)).toBe(text);
  });

  it('refuses an amount that is not whole cents', () => {
    expect(() => x12Amount(4125.5)).toThrow(ContractFailure);
  });

  it('names the payer by its EIN when the plan has it, in N1 and ENT', () => {
    const text = writeRemittance820({ ...interchange, payments: [{ ...payment, payer: { ...payment.payer, taxId: '123456789' } }] });
    expect(text).toContain('N1*PR*ACME WIDGETS, INC.*FI*123456789~');
    expect(text).toContain('ENT*1*2L*FI*123456789~');
  });

  it("says SG for the plan's savings account", () => {
    const text = writeRemittance820({ ...interchange, payee: { ...interchange.payee, accountType: 'savings' } });
    expect(segments(text)[3]!.slice(13, 16)).toEqual(['123456780', 'SG', '9876543210']);
  });

  it('writes one transaction set per payment, an RMR per invoice, and counts and control numbers that agree', () => {
    const partial: RemittancePayment = {
      ...payment,
      confirmationNumber: 'PAY-261207-AB12CD',
      groupNumber: '880004',
      amountCents: 150_000,
      invoices: [
        { invoiceNumber: 'INV-2026-11-880004', paidCents: 100_000, billedCents: 100_000, periodStart: '2026-11-01', periodEnd: '2026-11-30' },
        { invoiceNumber: 'INV-2026-12-880004', paidCents: 50_000, billedCents: 120_000, periodStart: '2026-12-01', periodEnd: '2026-12-31' },
      ],
    };
    const payments = [payment, partial, { ...payment, confirmationNumber: 'PAY-261207-ZZ99ZZ' }];
    const text = writeRemittance820({ ...interchange, controlNumber: 7, payments });
    const all = segments(text);
    const sets: string[][][] = [];
    let open: string[][] | null = null;
    for (const s of all) {
      if (s[0] === 'ST') sets.push((open = []));
      open?.push(s);
      if (s[0] === 'SE') open = null;
    }
    expect(sets).toHaveLength(3);
    sets.forEach((set, i) => {
      const control = String(i + 1).padStart(4, '0');
      expect(set[0]).toEqual(['ST', '820', control, '005010X218']);
      expect(set.at(-1)).toEqual(['SE', String(set.length), control]);
      // BPR02 is the sum of the RMR04s, without a float anywhere: compare in cents.
      const paid = set.filter((s) => s[0] === 'RMR').reduce((total, s) => total + cents(s[4]!), 0);
      expect(cents(set.find((s) => s[0] === 'BPR')![2]!)).toBe(paid);
    });
    expect(sets[1]!.filter((s) => s[0] === 'RMR')).toEqual([
      ['RMR', 'IK', 'INV-2026-11-880004', 'PI', '1000', '1000'],
      ['RMR', 'IK', 'INV-2026-12-880004', 'PP', '500', '1200'],
    ]);
    expect(all.at(-2)).toEqual(['GE', '3', '7']);
    expect(all.at(-1)).toEqual(['IEA', '1', '000000007']);
    expect(all[0]![13]).toBe('000000007');
    expect(all[1]![6]).toBe('7');
  });

  it('writes the same bytes for the same payments', () => {
    expect(writeRemittance820(interchange)).toBe(writeRemittance820(structuredClone(interchange)));
  });

  it('keeps separators out of names', () => {
    const text = writeRemittance820({ ...interchange, payments: [{ ...payment, payer: { ...payment.payer, name: 'Smith*Jones~ & Sons: Ünited^' } }] });
    expect(text).toContain('N1*PR*SMITH JONES & SONS UNITED~');
    expect(ids(text)).toEqual(['ISA', 'GS', 'ST', 'BPR', 'TRN', 'REF', 'DTM', 'N1', 'N1', 'ENT', 'RMR', 'DTM', 'SE', 'GE', 'IEA']);
  });

  it("never writes the payer's full account number: only its last four", () => {
    expect(writeRemittance820(interchange)).toContain('*DA*XXXXXX6789*');
  });

  it.each<[string, Partial<RemittancePayment>, string]>([
    ['invoices that do not add up to the payment', { amountCents: 412551 }, 'payments.0.invoices'],
    ['an amount in fractions of a cent', { amountCents: 4125.5 }, 'payments.0.amountCents'],
    ['no invoice', { invoices: [] }, 'payments.0.invoices'],
    ['a coverage period that ends before it starts', { invoices: [{ ...payment.invoices[0]!, periodEnd: '2026-11-30' }] }, 'payments.0.invoices.0.periodEnd'],
    ['a payer routing number with a typo', { payer: { ...payment.payer, bankRouting: '011000016' } }, 'payments.0.payer.bankRouting'],
    ['a confirmation number with a separator', { confirmationNumber: 'PAY*1' }, 'payments.0.confirmationNumber'],
  ])('refuses %s, naming the field', (_case, change, field) => {
    let failure: unknown;
    try {
      writeRemittance820({ ...interchange, payments: [{ ...payment, ...change }] });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(ContractFailure);
    expect((failure as ContractFailure).code).toBe('VALIDATION');
    expect(Object.keys((failure as ContractFailure).fields ?? {})).toContain(field);
  });

  it('refuses an interchange without payments and a control number over nine digits', () => {
    expect(() => writeRemittance820({ ...interchange, payments: [] })).toThrow('payments');
    expect(() => writeRemittance820({ ...interchange, controlNumber: 1_000_000_000 })).toThrow('controlNumber');
  });
});
