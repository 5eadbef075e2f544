import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import type { AutopayState, Payment } from '@shared/plan-api/payments';
import { checkNacha } from '../../test/support/check-nacha';
import { configFromEnv, type ServiceConfig } from '../src/config';
import { runOps } from '../src/ops/run';
import { paymentAuthorizations } from '../src/services/payments/payment-authorization';
import { achFiles, autopay, bankAccounts, invoices, payments } from '../src/store/schema';
import { returnsFile } from './ach/returns-file';
import { GROUP, path as groupPath, startPaymentsFixture, type PaymentsFixture } from './payments-support';

/**
 * The ACH operator commands end to end, as an operator runs them beside the running plan service
 * (its PGlite folder is held, so the CLI hands each command to the service, on the service clock):
 * the day's file from a real payment, settlement, the 820, and the bank's returns file.
 */
describe('ACH files through ops beside the running service', { timeout: 180_000 }, () => {
  let dir: string;
  let config: ServiceConfig;
  let f: PaymentsFixture;
  let invoice: string;
  let paid: Payment;
  let prenoteAccountId: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'groupdesk-ach-ops-'));
    config = configFromEnv({ DATA_DIR: dir }, dir);
    f = await startPaymentsFixture('pglite', { dataDir: dir });
    invoice = await f.addInvoice('2026-12-01', 50_000, '2026-12-01');
    const account = await f.addVerifiedAccount();
    const enrolled = await f.api<AutopayState>('PUT', groupPath('/autopay'), {
      body: { bankAccountId: account.id, rule: { timing: 'due_date', daysBefore: null }, authorizationVersion: paymentAuthorizations.autopay.version, acceptAuthorization: true, password: f.payer.password },
    });
    expect(enrolled.status).toBe(200);
    const payment = await f.pay({ invoiceNumbers: [invoice], amountCents: 50_000, bankAccountId: account.id, paymentDate: '2026-11-27' });
    expect(payment.status).toBe(201);
    paid = payment.body;
    const prenote = await f.addAccount({ nickname: 'Payroll', verification: 'prenote', accountNumber: '7654321', accountNumberAgain: '7654321' });
    expect(prenote.status).toBe(201);
    prenoteAccountId = prenote.body.id;
  });
  afterAll(async () => {
    await f?.service.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function ops(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runOps(argv, config, (l) => out.push(l), (l) => err.push(l));
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  const paymentRow = async () => (await f.service.db.select().from(payments).where(eq(payments.confirmationNumber, paid.confirmationNumber)))[0];
  const invoiceStatus = async () => (await f.service.db.select({ status: invoices.status }).from(invoices).where(eq(invoices.invoiceNumber, invoice)))[0]?.status;

  it('writes no file before the cut-off or on a weekend', async () => {
    expect((await ops('ach-file', '--date', '2026-11-27')).out).toMatch(/after its cut-off/);
    expect((await ops('ach-file', '--date', '2026-11-28')).out).toMatch(/not a business day/);
    expect(await f.service.db.select().from(achFiles)).toEqual([]);
    expect((await paymentRow())?.status).toBe('scheduled');
  });

  it('writes the day’s file after the cut-off: it passes the NACHA check, and the payment is processing', async () => {
    f.service.clock.set('2026-11-27T22:30:00Z');
    const out = path.join(dir, 'day.ach');
    const written = await ops('ach-file', '--date', '2026-11-27', '--out', out);
    expect(written).toMatchObject({ code: 0, err: '' });
    expect(written.out).toContain(out);
    expect(written.out).toMatch(/written now\): 2 entries, debits \$500\.00, credits \$0\.00/);
    expect(checkNacha(out)).toMatchObject({ ok: true });
    const text = await readFile(out, 'utf8');
    expect(text).toMatch(/^627021000021000123456789 {5}0000050000/m);
    expect(text).toMatch(/^6280210000217654321 {10}0000000000/m);
    const row = await paymentRow();
    expect(row).toMatchObject({ status: 'processing', achFileDate: '2026-11-27' });
    expect(row?.achTrace).toMatch(/^12345678\d{7}$/);
    const [prenote] = await f.service.db.select().from(bankAccounts).where(eq(bankAccounts.id, prenoteAccountId));
    expect(prenote?.prenoteSentOn).toBe('2026-11-27');
  });

  it('gives the same bytes for the same day again, and changes nothing', async () => {
    const before = await paymentRow();
    const again = await ops('ach-file', '--date', '2026-11-27');
    expect(again.out).toMatch(/written before, unchanged/);
    const stored = await readFile(path.join(dir, 'day.ach'), 'utf8');
    expect(`${again.out.split('\n').slice(0, -1).join('\n')}\n`).toBe(stored);
    expect(await paymentRow()).toEqual(before);
    expect(await f.service.db.select().from(achFiles)).toHaveLength(1);
  });

  it('settles the debit; remittance-820 names the invoice it paid', async () => {
    f.service.clock.set('2026-11-30T15:00:00Z');
    const pass = await f.service.paymentsJob.runNow();
    expect(pass.settled).toEqual([paid.confirmationNumber]);
    expect(pass.achFiles).toEqual([]);
    expect(await invoiceStatus()).toBe('paid');
    const remittance = await ops('remittance-820', '--date', '2026-11-30');
    expect(remittance.code).toBe(0);
    expect(remittance.out).toContain(`TRN*1*${paid.confirmationNumber}*1990000002~`);
    expect(remittance.out).toContain(`RMR*IK*${invoice}*PI*500*500~`);
    expect(remittance.out).toContain('BPR*C*500*C*ACH*CCP*01*021000021*DA*XXXXXX6789');
    const one = await ops('remittance-820', '--payment', paid.confirmationNumber);
    expect(one.out).toContain(`RMR*IK*${invoice}`);
  });

  it('imports an R01: the payment is returned, the invoice open again, autopay suspended, the group e-mailed; twice changes nothing', async () => {
    const trace = (await paymentRow())?.achTrace ?? '';
    const file = path.join(dir, 'returns.ach');
    await writeFile(file, returnsFile([{ kind: 'return', code: 'R01', originalTrace: trace, amountCents: 50_000 }, { kind: 'return', code: 'R03', originalTrace: '123456789999999', amountCents: 100 }]));
    expect(checkNacha(file)).toMatchObject({ ok: true });
    const imported = await ops('ach-returns', file);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain(`R01  ${trace}  ${paid.confirmationNumber}  payment returned, its invoices open again; autopay suspended`);
    expect(imported.out).toContain('R03  123456789999999  (unknown)');
    expect(imported.out).toMatch(/2 entries: 1 applied, 0 imported before, 1 unknown, 0 to handle by hand\./);
    expect(await paymentRow()).toMatchObject({ status: 'returned', returnCode: 'R01' });
    expect(await invoiceStatus()).toBe('open');
    expect((await f.service.db.select().from(autopay).where(eq(autopay.groupNumber, GROUP)))[0]?.status).toBe('suspended');
    await f.service.mail.waitForMail((m) => m.to.includes(f.payer.email) && m.subject === `Payment ${paid.confirmationNumber} for group ${GROUP} was returned`);
    await f.service.mail.waitForMail((m) => m.to.includes(f.admin.email) && m.subject === `Group ${GROUP} has its autopay suspended`);

    const mails = f.service.mail.received.length;
    const before = await paymentRow();
    const again = await ops('ach-returns', file);
    expect(again.out).toContain(`R01  ${trace}  ${paid.confirmationNumber}  imported before`);
    expect(again.out).toMatch(/1 imported before, 1 unknown/);
    expect(await paymentRow()).toEqual(before);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(f.service.mail.received.length).toBe(mails);
  });

  it('refuses a malformed returns file whole, naming the line', async () => {
    const file = path.join(dir, 'bad.ach');
    await writeFile(file, 'not a nacha file\n');
    const bad = await ops('ach-returns', file);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/line 1/);
  });

  it('the payments job writes each business day’s file after its cut-off, catching up the days it missed', async () => {
    f.service.clock.set('2026-12-02T21:00:00Z');
    const beforeCutoff = await f.service.paymentsJob.runNow();
    expect(beforeCutoff.achFiles.map((d) => d.fileDate)).toEqual(['2026-11-30', '2026-12-01']);
    f.service.clock.set('2026-12-02T22:05:00Z');
    const afterCutoff = await f.service.paymentsJob.runNow();
    expect(afterCutoff.achFiles).toEqual([{ fileDate: '2026-12-02', text: null, entryCount: 0, totalDebitCents: 0, totalCreditCents: 0, writtenNow: true }]);
    expect((await f.service.paymentsJob.runNow()).achFiles).toEqual([]);
    expect((await ops('ach-file', '--date', '2026-12-01')).out).toBe('ACH file of 2026-12-01: nothing to send (written before, unchanged).');
  });
});
