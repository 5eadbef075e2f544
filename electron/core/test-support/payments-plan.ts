import { and, eq } from 'drizzle-orm';
import { returnReasonWords } from '@shared/domain/ach-return-codes';
import type { Payment, PaymentList } from '@shared/plan-api/payments';
import { recordVerificationSent } from '../../../server/src/services/payments/bank-accounts';
import { autopay, bankAccounts, idempotencyKeys, invoices, payments } from '../../../server/src/store/schema';
import { startTestService, type TestService } from '../../../server/test-support/test-service';
import { invoiceAmounts, mondayMorning } from './payments-test-kit';

/**
 * The real plan service (PGlite, on 127.0.0.1) for the core's payments tests: the fixture group
 * 4321 with the same two open invoices the fixture store holds (payments-test-kit.ts), and a billing
 * user of the group signed in. Its clock is the one the core under test reads: `clock.now` reads
 * the service's clock and setting it moves the service's clock there.
 *
 * What a test cannot do through the API it does as the plan's own jobs would, in its database:
 * the ACH file sending an account's micro-deposits, a return disabling an account or suspending
 * autopay. It reads the payments and idempotency keys there too, which the API does not list.
 */
export interface PaymentsPlan {
  service: TestService;
  url: string;
  /** The billing user's session token and password (the plan asks the password again). */
  token: string;
  password: string;
  userId: string;
  clock: { now: string };
  /** Marks the account's micro-deposits sent (as the day's ACH file does) and answers their amounts. */
  sendMicroDeposits(bankAccountId: string): Promise<[number, number]>;
  /** The account can no longer be debited, as after a return R02 (account closed). */
  disableAccount(bankAccountId: string): Promise<string>;
  /** Autopay suspended with this reason, as a return of one of its debits does. */
  suspendAutopay(reason: string): Promise<void>;
  /** The payments the plan holds, as its API answers them. */
  payments(): Promise<Payment[]>;
  /** The plan's payments (confirmation numbers) and, for each Idempotency-Key of the user's submits it answered, the payment it made. */
  paymentLedger(): Promise<{ made: string[]; byKey: Map<string, string> }>;
  close(): Promise<void>;
}

const GROUP = '4321';
let traces = 0;

export async function startPaymentsPlan(): Promise<PaymentsPlan> {
  const service = await startTestService({ backend: 'pglite' });
  try {
    service.clock.set(mondayMorning);
    await service.createGroup(GROUP);
    const payer = await service.signUpUser();
    await service.grantRole(payer.userId, GROUP, 'billing');
    const now = service.clock.now();
    await service.db.insert(invoices).values(
      (
        [
          ['INV-4321-202611-BBBBBB', '2026-11-01', '2026-10-15', '2026-11-20'],
          ['INV-4321-202612-AAAAAA', '2026-12-01', '2026-11-15', '2026-12-20'],
        ] as const
      ).map(([invoiceNumber, periodStart, issuedOn, dueDate]) => ({ invoiceNumber, groupNumber: GROUP, periodStart, issuedOn, dueDate, amountCents: invoiceAmounts[invoiceNumber], createdAt: now })),
    );
    const clock = {
      get now() {
        return service.clock.now().toISOString();
      },
      set now(instant: string) {
        service.clock.set(instant);
      },
    };
    return {
      service,
      url: service.url,
      token: payer.token,
      password: payer.password,
      userId: payer.userId,
      clock,
      async sendMicroDeposits(bankAccountId) {
        traces += 1;
        await recordVerificationSent(service.db, { bankAccountId, trace: `02100002${String(traces).padStart(7, '0')}`, fileDate: '2026-12-04' }, service.clock.now());
        const [row] = await service.db.select().from(bankAccounts).where(eq(bankAccounts.id, bankAccountId));
        return [row?.microDeposit1Cents ?? -1, row?.microDeposit2Cents ?? -1];
      },
      async disableAccount(bankAccountId) {
        const words = returnReasonWords('R02');
        await service.db.update(bankAccounts).set({ status: 'disabled', problem: words }).where(eq(bankAccounts.id, bankAccountId));
        return words;
      },
      async suspendAutopay(reason) {
        await service.db.update(autopay).set({ status: 'suspended', suspendedReason: reason, updatedAt: service.clock.now() }).where(eq(autopay.groupNumber, GROUP));
      },
      async payments() {
        const answer = await service.api<PaymentList>('GET', `/v1/groups/${GROUP}/payments`, { token: payer.token });
        if (answer.status !== 200) throw new Error(`GET payments answered ${answer.status}`);
        return answer.body.payments;
      },
      async paymentLedger() {
        const made = await service.db.select({ confirmationNumber: payments.confirmationNumber }).from(payments).where(eq(payments.groupNumber, GROUP));
        const keys = await service.db
          .select({ key: idempotencyKeys.key, body: idempotencyKeys.responseBody })
          .from(idempotencyKeys)
          .where(and(eq(idempotencyKeys.userId, payer.userId), eq(idempotencyKeys.responseStatus, 201)));
        return { made: made.map((m) => m.confirmationNumber), byKey: new Map(keys.map((k) => [k.key, String((k.body as { confirmationNumber?: unknown } | null)?.confirmationNumber)])) };
      },
      async close() {
        service.app.server.closeAllConnections();
        await service.close();
      },
    };
  } catch (error) {
    await service.close();
    throw error;
  }
}
