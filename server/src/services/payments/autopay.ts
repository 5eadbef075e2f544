import { and, asc, eq, isNotNull } from 'drizzle-orm';
import { ContractFailure } from '@shared/contract/errors';
import { earliestPaymentDate, planBankingDay } from '@shared/domain/payment-dates';
import type { AutopayRule, AutopayState } from '@shared/plan-api/payments';
import { autopayChangedMail, type AutopayChange } from '../../mail/payment-mails';
import { deliverAfterCommit } from '../../mail/deliver';
import type { Db } from '../../store/db';
import { autopay, bankAccounts, invoices, payments } from '../../store/schema';
import { recordAudit } from '../audit';
import type { Actor } from '../groups/create-group';
import { autopayDebitDate, autopayRuleWords } from './autopay-rule';
import { bankAccountRow } from './bank-account-views';
import { allocatedByInvoice, lockGroupPayments, openCentsOf } from './ledger';
import { authorizationTextHash, requireCurrentAuthorization } from './payment-authorization';
import { publishPaymentChanges } from './payment-feed';
import { paymentMailContext, userContact } from './payment-recipients';
import type { PaymentsEnv } from './payments-env';
import { cancellableUntil } from './payment-views';

export type AutopayRow = typeof autopay.$inferSelect;

export const ruleOf = (row: Pick<AutopayRow, 'timing' | 'daysBefore'>): AutopayRule => ({ timing: row.timing, daysBefore: row.daysBefore });

/**
 * The open invoices autopay will debit and has not yet: not skipped, no autopay debit made for them,
 * something open on them, and due on or after the day of enrollment. Invoices already past due
 * when the group enrolled are left for a payment of its own: enrolling does not debit old balances.
 */
export async function invoicesAwaitingAutopay(db: Db, enrollment: AutopayRow): Promise<{ invoiceNumber: string; openCents: number; debitDate: string }[]> {
  const rows = await db
    .select()
    .from(invoices)
    .where(and(eq(invoices.groupNumber, enrollment.groupNumber), eq(invoices.status, 'open')))
    .orderBy(asc(invoices.dueDate), asc(invoices.invoiceNumber));
  const debited = await db
    .select({ invoiceNumber: payments.autopayInvoiceNumber })
    .from(payments)
    .where(and(eq(payments.groupNumber, enrollment.groupNumber), isNotNull(payments.autopayInvoiceNumber)));
  const done = new Set([...debited.map((d) => d.invoiceNumber), ...enrollment.skippedInvoices]);
  const enrolledOn = planBankingDay(enrollment.acceptedAt);
  const allocated = await allocatedByInvoice(db, rows.map((r) => r.invoiceNumber));
  return rows
    .filter((r) => !done.has(r.invoiceNumber) && r.dueDate >= enrolledOn)
    .map((r) => ({ invoiceNumber: r.invoiceNumber, openCents: openCentsOf(r, allocated.get(r.invoiceNumber) ?? 0), debitDate: autopayDebitDate(r.dueDate, ruleOf(enrollment)) }))
    .filter((r) => r.openCents > 0);
}

/** The group's enrollment as the API shows it, with the next debit: one scheduled, else the one autopay will make. */
export async function autopayStateOf(db: Db, groupNumber: string, now: Date): Promise<AutopayState> {
  const [row] = await db.select().from(autopay).where(eq(autopay.groupNumber, groupNumber));
  if (!row) return { enrollment: null };
  const [account] = await db
    .select({ id: bankAccounts.id, nickname: bankAccounts.nickname, accountLast4: bankAccounts.accountLast4, accountType: bankAccounts.accountType })
    .from(bankAccounts)
    .where(eq(bankAccounts.id, row.bankAccountId));
  if (!account) throw new Error('An autopay enrollment names a missing bank account');
  return {
    enrollment: {
      status: row.status,
      bankAccount: account,
      rule: ruleOf(row),
      authorization: { version: row.authorizationVersion, acceptedBy: row.acceptedBy, acceptedAt: row.acceptedAt.toISOString() },
      suspendedReason: row.suspendedReason,
      skipped: row.skippedInvoices,
      nextDebit: row.status === 'active' ? await nextDebitOf(db, row, now) : null,
    },
  };
}

async function nextDebitOf(db: Db, row: AutopayRow, now: Date): Promise<{ invoiceNumber: string; amountCents: number; paymentDate: string } | null> {
  const [scheduled] = await db
    .select({ invoiceNumber: payments.autopayInvoiceNumber, amountCents: payments.amountCents, paymentDate: payments.paymentDate })
    .from(payments)
    .where(and(eq(payments.groupNumber, row.groupNumber), eq(payments.status, 'scheduled'), eq(payments.autopay, true)))
    .orderBy(asc(payments.paymentDate))
    .limit(1);
  if (scheduled?.invoiceNumber) return { invoiceNumber: scheduled.invoiceNumber, amountCents: scheduled.amountCents, paymentDate: scheduled.paymentDate };
  const [next] = await invoicesAwaitingAutopay(db, row);
  if (!next) return null;
  const earliest = earliestPaymentDate(now);
  return { invoiceNumber: next.invoiceNumber, amountCents: next.openCents, paymentDate: next.debitDate > earliest ? next.debitDate : earliest };
}

/** Tells each primary administrator of a change of the group's autopay, once it is committed. */
export async function announceAutopayChange(env: PaymentsEnv, groupNumber: string, kind: AutopayChange, extra: { by: string; invoiceNumber?: string; reason?: string }): Promise<void> {
  const [row] = await env.db.select().from(autopay).where(eq(autopay.groupNumber, groupNumber));
  if (!row) return;
  const [account] = await env.db.select().from(bankAccounts).where(eq(bankAccounts.id, row.bankAccountId));
  const { group, primaryAdmins } = await paymentMailContext(env.db, groupNumber, env.plan);
  const who = (await userContact(env.db, extra.by))?.name ?? extra.by;
  for (const to of primaryAdmins) {
    const mail = autopayChangedMail(to, group, {
      kind,
      by: who,
      account: { nickname: account?.nickname ?? '', accountLast4: account?.accountLast4 ?? '' },
      rule: autopayRuleWords(ruleOf(row)),
      ...(extra.invoiceNumber ? { invoiceNumber: extra.invoiceNumber } : {}),
      ...(extra.reason ? { reason: extra.reason } : {}),
    });
    await deliverAfterCommit(env.mailer, mail, env.log);
  }
}

/** Enrolls the group, or changes its account or rule, recording the authorization accepted; the caller checked the password. */
export async function enrollAutopay(
  db: Db,
  groupNumber: string,
  input: { bankAccountId: string; rule: AutopayRule; authorizationVersion: string },
  actor: Actor,
  now: Date,
): Promise<AutopayChange> {
  requireCurrentAuthorization('autopay', input.authorizationVersion);
  return db.transaction(async (tx) => {
    await lockGroupPayments(tx, groupNumber);
    const account = await bankAccountRow(tx, groupNumber, input.bankAccountId);
    if (account.status !== 'verified') {
      throw new ContractFailure('RULE', account.problem ?? `${account.nickname} (…${account.accountLast4}) is not verified yet: autopay can use it once it is.`, { bankAccountId: 'Not verified' });
    }
    const [before] = await tx.select().from(autopay).where(eq(autopay.groupNumber, groupNumber)).for('update');
    const values = {
      status: 'active' as const,
      bankAccountId: account.id,
      timing: input.rule.timing,
      daysBefore: input.rule.daysBefore,
      authorizationVersion: input.authorizationVersion,
      authorizationTextHash: authorizationTextHash('autopay'),
      acceptedBy: actor.actorUserId,
      acceptedAt: now,
      acceptedIp: actor.ip,
      suspendedReason: null,
      updatedAt: now,
    };
    await tx.insert(autopay).values({ groupNumber, ...values }).onConflictDoUpdate({ target: autopay.groupNumber, set: values });
    const kind: AutopayChange = before?.status === 'active' ? 'changed' : 'enrolled';
    await recordAudit(tx, {
      ...actor,
      action: `autopay.${kind === 'changed' ? 'change' : 'enroll'}`,
      target: `group:${groupNumber}`,
      detail: { bankAccountId: account.id, rule: input.rule, authorizationVersion: input.authorizationVersion, before: before ? { status: before.status, bankAccountId: before.bankAccountId, rule: ruleOf(before) } : null },
      at: now,
    });
    return kind;
  });
}

async function activeEnrollment(tx: Db, groupNumber: string): Promise<AutopayRow> {
  const [row] = await tx.select().from(autopay).where(eq(autopay.groupNumber, groupNumber)).for('update');
  if (!row || row.status === 'cancelled') throw new ContractFailure('NOT_FOUND', `Group ${groupNumber} is not enrolled in autopay.`);
  return row;
}

/** Cancels the debits autopay scheduled that can still be cancelled; returns their confirmation numbers. */
async function cancelAutopayDebits(tx: Db, groupNumber: string, now: Date, invoiceNumber?: string): Promise<{ cancelled: string[]; tooLate: string[] }> {
  const rows = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.groupNumber, groupNumber), eq(payments.status, 'scheduled'), eq(payments.autopay, true), invoiceNumber ? eq(payments.autopayInvoiceNumber, invoiceNumber) : undefined));
  const cancelled: string[] = [];
  const tooLate: string[] = [];
  for (const row of rows) {
    if (cancellableUntil(row, now) === null) {
      tooLate.push(row.confirmationNumber);
      continue;
    }
    await tx.update(payments).set({ status: 'cancelled', cancelledAt: now }).where(eq(payments.confirmationNumber, row.confirmationNumber));
    cancelled.push(row.confirmationNumber);
  }
  return { cancelled, tooLate };
}

/** Skips one invoice's debit: its scheduled debit is cancelled (refused after its cut-off) and autopay will not debit it. */
export async function skipAutopayInvoice(db: Db, groupNumber: string, invoiceNumber: string, actor: Actor, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await lockGroupPayments(tx, groupNumber);
    const row = await activeEnrollment(tx, groupNumber);
    const [invoice] = await tx
      .select({ status: invoices.status })
      .from(invoices)
      .where(and(eq(invoices.invoiceNumber, invoiceNumber), eq(invoices.groupNumber, groupNumber)));
    if (!invoice) throw new ContractFailure('NOT_FOUND', `Group ${groupNumber} has no invoice ${invoiceNumber}.`);
    const { cancelled, tooLate } = await cancelAutopayDebits(tx, groupNumber, now, invoiceNumber);
    if (tooLate.length > 0) throw new ContractFailure('RULE', `The autopay debit of ${invoiceNumber} was sent to the bank at its cut-off: it can no longer be skipped.`);
    await tx
      .update(autopay)
      .set({ skippedInvoices: [...new Set([...row.skippedInvoices, invoiceNumber])], updatedAt: now })
      .where(eq(autopay.groupNumber, groupNumber));
    await recordAudit(tx, { ...actor, action: 'autopay.skip', target: `group:${groupNumber}`, detail: { invoiceNumber, cancelled }, at: now });
    await publishPaymentChanges(tx, groupNumber, cancelled, now);
  });
}

/**
 * Cancels autopay: debits it scheduled are cancelled where their cut-off has not passed; those at the
 * bank go ahead. Null when it was already cancelled (nothing changes); NOT_FOUND when never enrolled.
 */
export async function cancelAutopay(db: Db, groupNumber: string, actor: Actor, now: Date): Promise<{ tooLate: string[] } | null> {
  return db.transaction(async (tx) => {
    await lockGroupPayments(tx, groupNumber);
    // Already stopped: a repeat of a request whose answer was lost on its way back. It is answered as
    // the first one was, not refused (the client would tell the user autopay still stands).
    const [row] = await tx.select({ status: autopay.status }).from(autopay).where(eq(autopay.groupNumber, groupNumber));
    if (row?.status === 'cancelled') return null;
    await activeEnrollment(tx, groupNumber);
    const { cancelled, tooLate } = await cancelAutopayDebits(tx, groupNumber, now);
    await tx
      .update(autopay)
      .set({ status: 'cancelled', suspendedReason: `Cancelled on ${planBankingDay(now)}.`, updatedAt: now })
      .where(eq(autopay.groupNumber, groupNumber));
    await recordAudit(tx, { ...actor, action: 'autopay.cancel', target: `group:${groupNumber}`, detail: { cancelled, goingAhead: tooLate }, at: now });
    await publishPaymentChanges(tx, groupNumber, cancelled, now);
    return { tooLate };
  });
}
