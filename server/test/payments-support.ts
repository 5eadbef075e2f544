import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Role } from '@shared/contract/roles';
import type { BankAccount, Payment, PaymentRequest } from '@shared/plan-api/payments';
import { createSession } from '../src/services/accounts/sessions';
import { recordVerificationSent } from '../src/services/payments/bank-accounts';
import { paymentAuthorizations } from '../src/services/payments/payment-authorization';
import { bankAccounts, invoices, users } from '../src/store/schema';
import type { Backend } from '../src/store/db';
import type { ApiResponse } from '../test-support/http';
import { uniqueUserId } from '../test-support/fixtures';
import { startTestService, type SignedUpUser, type TestService } from '../test-support/test-service';

export const GROUP = '4301';
export const OTHER_GROUP = '4302';
/** Real routing numbers (they pass the ABA checksum and Fed prefix check). */
export const ROUTING = { chase: '021000021', bofa: '026009593' };
export const ACCOUNT_NUMBER = '000123456789';

export interface PaymentsFixture {
  service: TestService;
  /** A billing user and a primary administrator of GROUP, signed up for real (passwords are asked again). */
  payer: SignedUpUser;
  admin: SignedUpUser;
  /** Tokens of roles that may not pay, and of another group's primary administrator. */
  tokens: { read_only: string; admin: string; other_group: string };
  api<T = Record<string, unknown>>(method: string, path: string, options?: { body?: unknown; token?: string; key?: string }): Promise<ApiResponse<T>>;
  /** Writes an open invoice of GROUP straight to the store: payments need only its amount and dates. */
  addInvoice(periodStart: string, amountCents: number, dueDate: string): Promise<string>;
  /** Adds an account by micro-deposits, marks them sent and enters them: ready to debit. */
  addVerifiedAccount(nickname?: string): Promise<BankAccount>;
  addAccount(overrides?: Record<string, unknown>): Promise<ApiResponse<BankAccount>>;
  pay(request: Omit<PaymentRequest, 'authorizationVersion' | 'acceptAuthorization'>, key?: string, token?: string): Promise<ApiResponse<Payment>>;
}

export const path = (rest: string, group = GROUP) => `/v1/groups/${group}${rest}`;

let invoiceCounter = 0;
let traceCounter = 0;
/** A 15-digit trace number as the ACH file writer gives: the bank's 8 digits, then a sequence. */
export const nextTrace = (): string => `02100002${String((traceCounter += 1)).padStart(7, '0')}`;

export async function startPaymentsFixture(backend: Backend, options: { dataDir?: string } = {}): Promise<PaymentsFixture> {
  const service = await startTestService({ backend, ...options });
  await service.createGroup(GROUP);
  await service.createGroup(OTHER_GROUP);
  const payer = await service.signUpUser();
  await service.grantRole(payer.userId, GROUP, 'billing');
  const admin = await service.signUpUser();
  await service.grantRole(admin.userId, GROUP, 'primary_admin');
  const now = service.clock.now();
  const sessionFor = async (group: string, role: Role): Promise<string> => {
    const userId = uniqueUserId(role.slice(0, 4));
    await service.db.insert(users).values({ userId, passwordHash: 'not-used', name: `${role} user`, email: `${userId}@example.com`, emailVerifiedAt: now, passwordChangedAt: now, createdAt: now });
    await service.grantRole(userId, group, role);
    return (await createSession(service.db, userId, '127.0.0.1', now)).token;
  };
  const tokens = { read_only: await sessionFor(GROUP, 'read_only'), admin: await sessionFor(GROUP, 'admin'), other_group: await sessionFor(OTHER_GROUP, 'primary_admin') };
  const api: PaymentsFixture['api'] = (method, p, options = {}) =>
    service.api(method, p, {
      token: options.token ?? payer.token,
      ...(options.body !== undefined ? { body: options.body } : {}),
      ...(options.key ? { headers: { 'idempotency-key': options.key } } : {}),
    });
  const addAccount: PaymentsFixture['addAccount'] = (overrides = {}) =>
    api<BankAccount>('POST', path('/bank-accounts'), {
      body: {
        nickname: 'Operating account',
        holderName: 'Acme Tools Inc',
        routingNumber: ROUTING.chase,
        accountNumber: ACCOUNT_NUMBER,
        accountNumberAgain: ACCOUNT_NUMBER,
        accountType: 'checking',
        verification: 'micro_deposits',
        password: payer.password,
        ...overrides,
      },
    });
  return {
    service,
    payer,
    admin,
    tokens,
    api,
    addAccount,
    async addInvoice(periodStart, amountCents, dueDate) {
      invoiceCounter += 1;
      const invoiceNumber = `INV-${GROUP}-${periodStart.slice(0, 7).replace('-', '')}-${String(invoiceCounter).padStart(6, '0')}`;
      await service.db.insert(invoices).values({ invoiceNumber, groupNumber: GROUP, periodStart, issuedOn: service.clock.now().toISOString().slice(0, 10), dueDate, amountCents, createdAt: service.clock.now() });
      return invoiceNumber;
    },
    async addVerifiedAccount(nickname = 'Operating account') {
      const added = await addAccount({ nickname });
      if (added.status !== 201) throw new Error(`add account: ${added.status} ${JSON.stringify(added.body)}`);
      await recordVerificationSent(service.db, { bankAccountId: added.body.id, trace: nextTrace(), fileDate: '2026-11-27' }, service.clock.now());
      const [row] = await service.db.select().from(bankAccounts).where(eq(bankAccounts.id, added.body.id));
      const verified = await api<BankAccount>('POST', path(`/bank-accounts/${added.body.id}/verify`), { body: { amountsCents: [row?.microDeposit2Cents, row?.microDeposit1Cents] } });
      if (verified.status !== 200) throw new Error(`verify: ${verified.status} ${JSON.stringify(verified.body)}`);
      return verified.body;
    },
    pay: (request, key = randomUUID(), token = payer.token) =>
      api<Payment>('POST', path('/payments'), { body: { ...request, authorizationVersion: paymentAuthorizations.payment.version, acceptAuthorization: true }, key, token }),
  };
}
