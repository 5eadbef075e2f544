import { and, eq, isNull, sql } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import { addBusinessDays } from '@shared/domain/business-days';
import { earliestPaymentDate, planBankingDay } from '@shared/domain/payment-dates';
import { deliverAfterCommit } from '../../mail/deliver';
import { preDebitMail } from '../../mail/payment-mails';
import { autopay, payments } from '../../store/schema';
import { PRE_DEBIT_NOTICE_BUSINESS_DAYS } from './autopay-rule';
import { invoicesAwaitingAutopay, type AutopayRow } from './autopay';
import { lockGroupPayments } from './ledger';
import { paymentMailContext, userContact } from './payment-recipients';
import { paymentOf } from './payment-views';
import type { PaymentsEnv } from './payments-env';
import { schedulePayment } from './schedule-payment';

/** Who the audit log and the payment say made autopay's debits. */
export const AUTOPAY_ACTOR = { actorUserId: 'system:autopay', sessionId: null, ip: null };

export interface AutopayReport {
  /** Confirmation numbers of the debits scheduled in this pass. */
  scheduled: string[];
  /** Pre-debit e-mails sent (one per debit, to all its recipients). */
  notices: number;
  /** Debits that could not be scheduled (the account no longer verified, say), by group and invoice. */
  failed: { groupNumber: string; invoiceNumber: string; reason: string }[];
}

/**
 * One pass of autopay as of `now`. For each active enrollment, each invoice awaiting a debit gets
 * its debit scheduled once the pre-debit notice is due (five business days before the rule's date,
 * or at once when that has passed), dated the rule's date or the earliest date the cut-off allows.
 * Each invoice is debited at most once (a unique index backs the check made under the group's
 * lock), and each debit's notice is claimed before it is sent, so passes can overlap or repeat.
 */
export async function runAutopay(env: PaymentsEnv, now: Date): Promise<AutopayReport> {
  const report: AutopayReport = { scheduled: [], notices: 0, failed: [] };
  const today = planBankingDay(now);
  const earliest = earliestPaymentDate(now);
  const enrollments = await env.db.select().from(autopay).where(eq(autopay.status, 'active'));
  for (const enrollment of enrollments) {
    for (const invoice of await invoicesAwaitingAutopay(env.db, enrollment)) {
      const paymentDate = invoice.debitDate > earliest ? invoice.debitDate : earliest;
      if (today < addBusinessDays(paymentDate, -PRE_DEBIT_NOTICE_BUSINESS_DAYS)) continue;
      try {
        const scheduled = await scheduleDebit(env, enrollment, invoice.invoiceNumber, paymentDate, now);
        if (scheduled) report.scheduled.push(scheduled);
      } catch (error) {
        if (!(error instanceof ContractFailure)) throw error;
        report.failed.push({ groupNumber: enrollment.groupNumber, invoiceNumber: invoice.invoiceNumber, reason: error.message });
      }
    }
    report.notices += await sendPreDebitNotices(env, enrollment, now);
  }
  return report;
}

async function scheduleDebit(env: PaymentsEnv, enrollment: AutopayRow, invoiceNumber: string, paymentDate: string, now: Date): Promise<string | null> {
  return env.db.transaction(async (tx) => {
    await lockGroupPayments(tx, enrollment.groupNumber);
    // Under the lock: a pass that overlapped this one may have scheduled it meanwhile.
    const [already] = await tx.select({ n: sql<number>`1` }).from(payments).where(eq(payments.autopayInvoiceNumber, invoiceNumber));
    if (already) return null;
    const [current] = await tx.select().from(autopay).where(eq(autopay.groupNumber, enrollment.groupNumber));
    if (current?.status !== 'active' || current.skippedInvoices.includes(invoiceNumber)) return null;
    const [awaiting] = (await invoicesAwaitingAutopay(tx, current)).filter((i) => i.invoiceNumber === invoiceNumber);
    if (!awaiting) return null;
    return schedulePayment(
      tx,
      {
        groupNumber: enrollment.groupNumber,
        invoiceNumbers: [invoiceNumber],
        amountCents: awaiting.openCents,
        bankAccountId: current.bankAccountId,
        paymentDate,
        authorizationVersion: current.authorizationVersion,
        autopayInvoiceNumber: invoiceNumber,
      },
      AUTOPAY_ACTOR,
      now,
    );
  });
}

/** E-mails each scheduled autopay debit of the group not yet announced: to whoever enrolled and the primary administrators. */
async function sendPreDebitNotices(env: PaymentsEnv, enrollment: AutopayRow, now: Date): Promise<number> {
  // Claimed first: a notice is never sent twice, even by passes that overlap.
  const claimed = await env.db
    .update(payments)
    .set({ preDebitNoticeAt: now })
    .where(and(eq(payments.groupNumber, enrollment.groupNumber), eq(payments.autopay, true), eq(payments.status, 'scheduled'), isNull(payments.preDebitNoticeAt)))
    .returning({ confirmationNumber: payments.confirmationNumber });
  if (claimed.length === 0) return 0;
  const { group, primaryAdmins } = await paymentMailContext(env.db, enrollment.groupNumber, env.plan);
  const enrolledBy = await userContact(env.db, enrollment.acceptedBy);
  const recipients = [...new Set([...(enrolledBy ? [enrolledBy.email] : []), ...primaryAdmins])];
  for (const { confirmationNumber } of claimed) {
    const debit = await paymentOf(env.db, enrollment.groupNumber, confirmationNumber, now);
    for (const to of recipients) await deliverAfterCommit(env.mailer, preDebitMail(to, group, debit), env.log);
  }
  return claimed.length;
}
