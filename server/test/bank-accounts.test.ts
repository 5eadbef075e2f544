import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { BankAccount, BankAccountList } from '@shared/plan-api/payments';
import { verificationsForFile } from '../src/services/payments/ach-file-entries';
import { recordVerificationSent } from '../src/services/payments/bank-accounts';
import { bankAccounts } from '../src/store/schema';
import { backends } from '../test-support/backends';
import { ACCOUNT_NUMBER, nextTrace, path, ROUTING, startPaymentsFixture, type PaymentsFixture } from './payments-support';

describe.each(backends())('bank accounts (%s)', (backend) => {
  let f: PaymentsFixture;
  beforeAll(async () => {
    f = await startPaymentsFixture(backend);
  });
  afterAll(async () => f?.service.close());

  it('adds an account with the password asked again, answering the last four digits only and keeping the number encrypted', async () => {
    const added = await f.addAccount({ accountNumber: '0001-2345 6789', accountNumberAgain: '000123456789' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ nickname: 'Operating account', routingNumber: ROUTING.chase, accountLast4: '6789', status: 'verifying', inUse: false, addedBy: f.payer.userId });
    expect(added.body.verification).toEqual({ method: 'micro_deposits', usableFrom: null, triesLeft: 3, depositsSent: false });
    expect(JSON.stringify(added.body)).not.toContain(ACCOUNT_NUMBER);
    const listed = await f.api<BankAccountList>('GET', path('/bank-accounts'), { token: f.tokens.read_only });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(listed.body)).not.toContain(ACCOUNT_NUMBER);
    // At rest: ciphertext, which decrypts under the service's bank-account key only.
    const [row] = await f.service.db.select().from(bankAccounts).where(eq(bankAccounts.id, added.body.id));
    expect(Buffer.from(row?.accountNumberEncrypted ?? []).toString('latin1')).not.toContain(ACCOUNT_NUMBER);
    expect(f.service.bankCipher.decrypt(row?.accountNumberEncrypted ?? new Uint8Array(), added.body.id)).toBe(ACCOUNT_NUMBER);
    // Bound to its account: copied into another account's row, the number does not open.
    expect(() => f.service.bankCipher.decrypt(row?.accountNumberEncrypted ?? new Uint8Array(), 'BA-OTHER001')).toThrow();
    expect(() => f.service.ssnCipher.decrypt(row?.accountNumberEncrypted ?? new Uint8Array(), added.body.id)).toThrow();
    const dump = await f.service.db.execute<{ t: string }>(sql`SELECT row_to_json(b)::text AS t FROM bank_accounts b`);
    expect(dump.rows.map((r) => r.t).join()).not.toContain(ACCOUNT_NUMBER);
  });

  it('adds one account for a request sent again with its Idempotency-Key, at once or after a lost answer, and still asks the password each time', async () => {
    const body = { nickname: 'Sent twice', holderName: 'Acme Tools Inc', routingNumber: ROUTING.chase, accountNumber: '55501234', accountNumberAgain: '55501234', accountType: 'checking', verification: 'prenote', password: f.payer.password };
    const key = `add-account-${backend}`;
    const send = (overrides: Record<string, unknown> = {}) => f.api<BankAccount>('POST', path('/bank-accounts'), { body: { ...body, ...overrides }, key });
    const together = await Promise.all([send(), send()]);
    const again = await send();
    for (const answer of [...together, again]) expect({ status: answer.status, body: answer.body }).toEqual({ status: 201, body: together[0]?.body });
    const stored = await f.service.db.select().from(bankAccounts).where(eq(bankAccounts.nickname, 'Sent twice'));
    expect(stored).toHaveLength(1);
    // The key names that account: another account under it is a client's mistake, said as such.
    expect(await send({ nickname: 'Another' })).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    expect((await send({ password: 'not-my-password' })).status).toBe(403);
    expect((await f.api('POST', path('/bank-accounts'), { body, key: 'short' })).body).toMatchObject({ code: 'VALIDATION', fields: { 'Idempotency-Key': 'Malformed' } });
  });

  it.each([
    [{ routingNumber: '123456789' }, 'routingNumber'],
    [{ routingNumber: '991000021' }, 'routingNumber'],
    [{ accountNumber: '123', accountNumberAgain: '123' }, 'accountNumber'],
    [{ accountNumber: '12345678901234567890', accountNumberAgain: '12345678901234567890' }, 'accountNumber'],
    [{ accountNumberAgain: '000123456780' }, 'accountNumberAgain'],
    [{ accountType: 'brokerage' }, 'accountType'],
    [{ holderName: 'A company name far too long for the bank' }, 'holderName'],
  ])('refuses %o naming the field', async (overrides, field) => {
    const refused = await f.addAccount(overrides);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'VALIDATION', fields: { [field]: expect.any(String) } });
  });

  it('refuses a wrong password (403, the session kept) and locks after repeated guesses like sign-in', async () => {
    const wrong = await f.addAccount({ password: 'not-my-password' });
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/password is not right/), fields: { password: 'Not right' } });
    expect((await f.api('GET', path('/bank-accounts'))).status).toBe(200);
    const other = await f.service.signUpUser();
    await f.service.grantRole(other.userId, '4301', 'billing');
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await f.api('POST', path('/bank-accounts'), { token: other.token, body: { nickname: 'X', holderName: 'Acme', routingNumber: ROUTING.chase, accountNumber: '12345678', accountNumberAgain: '12345678', accountType: 'checking', verification: 'prenote', password: 'wrong' } })).status);
    expect(statuses).toEqual([403, 403, 403, 403, 429, 429]);
  });

  it('refuses read-only users and administrators, and another group’s users', async () => {
    for (const token of [f.tokens.read_only, f.tokens.admin, f.tokens.other_group]) {
      const body = { nickname: 'X', holderName: 'Acme', routingNumber: ROUTING.bofa, accountNumber: '12345678', accountNumberAgain: '12345678', accountType: 'savings', verification: 'prenote', password: 'not-used' };
      expect((await f.api('POST', path('/bank-accounts'), { token, body })).status).toBe(403);
    }
  });

  it('verifies by micro-deposits: not before they are sent, a wrong pair costs a try, the right pair in either order verifies', async () => {
    const added = (await f.addAccount({ nickname: 'Deposits' })).body;
    const verify = (amountsCents: [number, number]) => f.api<BankAccount>('POST', path(`/bank-accounts/${added.id}/verify`), { body: { amountsCents } });
    expect((await verify([1, 2])).body).toMatchObject({ code: 'RULE', message: expect.stringMatching(/not been sent/) });
    await recordVerificationSent(f.service.db, { bankAccountId: added.id, trace: nextTrace(), fileDate: '2026-11-27' }, f.service.clock.now());
    const [row] = await f.service.db.select().from(bankAccounts).where(eq(bankAccounts.id, added.id));
    const a = row?.microDeposit1Cents ?? 0;
    const b = row?.microDeposit2Cents ?? 0;
    expect(a).toBeGreaterThanOrEqual(1);
    expect(b).toBeLessThanOrEqual(99);
    const wrong = await verify([a, a === 99 ? 98 : 99 === b ? 97 : 99]);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/2 tries left/) });
    const right = await verify([b, a]);
    expect(right.status).toBe(200);
    expect(right.body).toMatchObject({ status: 'verified', verification: { triesLeft: 2, depositsSent: true } });
  });

  it('fails the account after three wrong tries', async () => {
    const added = (await f.addAccount({ nickname: 'Three tries' })).body;
    await recordVerificationSent(f.service.db, { bankAccountId: added.id, trace: nextTrace(), fileDate: '2026-11-27' }, f.service.clock.now());
    const [row] = await f.service.db.select().from(bankAccounts).where(eq(bankAccounts.id, added.id));
    const notIt = [1, 2, 3, 4, 5].find((n) => n !== row?.microDeposit1Cents && n !== row?.microDeposit2Cents) ?? 6;
    const answers: string[] = [];
    for (let i = 0; i < 3; i += 1) answers.push(((await f.api('POST', path(`/bank-accounts/${added.id}/verify`), { body: { amountsCents: [notIt, notIt] } })).body as { message: string }).message);
    expect(answers[0]).toMatch(/2 tries left/);
    expect(answers[1]).toMatch(/1 try left/);
    expect(answers[2]).toMatch(/three times/);
    const after = await f.api<BankAccountList>('GET', path('/bank-accounts'));
    expect(after.body.accounts.find((x) => x.id === added.id)).toMatchObject({ status: 'failed', verification: { triesLeft: 0 }, problem: expect.stringMatching(/three times/) });
    const again = await f.api('POST', path(`/bank-accounts/${added.id}/verify`), { body: { amountsCents: [row?.microDeposit1Cents, row?.microDeposit2Cents] } });
    expect(again.status).toBe(422);
  });

  it('makes a prenote’s account usable three banking days after the prenote settles', async () => {
    const added = (await f.addAccount({ nickname: 'Prenote', verification: 'prenote' })).body;
    expect(added.verification).toEqual({ method: 'prenote', usableFrom: null, triesLeft: null, depositsSent: false });
    // Sent Friday 2026-11-27: settles Monday 11-30; usable from Thursday 12-03.
    await recordVerificationSent(f.service.db, { bankAccountId: added.id, trace: nextTrace(), fileDate: '2026-11-27' }, f.service.clock.now());
    const listed = await f.api<BankAccountList>('GET', path('/bank-accounts'));
    expect(listed.body.accounts.find((x) => x.id === added.id)).toMatchObject({ status: 'verified', verification: { usableFrom: '2026-12-03' } });
  });

  it('removes an account not in use, and 404s another group’s or an unknown one', async () => {
    const added = (await f.addAccount({ nickname: 'Spare' })).body;
    const removed = await f.api<BankAccountList>('DELETE', path(`/bank-accounts/${added.id}`));
    expect(removed.status).toBe(200);
    expect(removed.body.accounts.some((x) => x.id === added.id)).toBe(false);
    // A repeat (its first answer lost on the way back) is answered the same way, not refused.
    const again = await f.api<BankAccountList>('DELETE', path(`/bank-accounts/${added.id}`));
    expect(again.status).toBe(200);
    expect(again.body).toEqual(removed.body);
    expect((await f.api('DELETE', path('/bank-accounts/BA-00000000'))).status).toBe(404);
    expect((await f.api('GET', path('/bank-accounts', '4302'), { token: f.tokens.other_group })).body).toEqual({ accounts: [] });
  });

  it('gives the ACH file writer the verifications not yet sent, with the number decrypted for the file only', async () => {
    const added = (await f.addAccount({ nickname: 'For the file', accountNumber: '55512345', accountNumberAgain: '55512345', verification: 'prenote' })).body;
    const due = await verificationsForFile(f.service.db, f.service.bankCipher);
    expect(due.find((v) => v.bankAccountId === added.id)).toEqual({
      bankAccountId: added.id,
      groupNumber: '4301',
      companyName: 'Acme Tools 4301',
      holderName: 'Acme Tools Inc',
      routingNumber: ROUTING.chase,
      accountNumber: '55512345',
      accountType: 'checking',
      method: 'prenote',
      creditsCents: [],
    });
    await recordVerificationSent(f.service.db, { bankAccountId: added.id, trace: nextTrace(), fileDate: '2026-11-27' }, f.service.clock.now());
    expect((await verificationsForFile(f.service.db, f.service.bankCipher)).some((v) => v.bankAccountId === added.id)).toBe(false);
  });
});
