import type { Writable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { amountInWords } from '@shared/util/amount-words';
import { planDates, planInstant } from '@shared/util/date-format';
import { formatUsd } from '@shared/util/money';
import type { Payment } from '@shared/plan-api/payments';
import type { Db } from '../../store/db';
import { payments } from '../../store/schema';
import type { PaymentMailGroup } from '../../mail/payment-mails';
import type { BillingPlan } from '../billing/billing-plan';
import { boldFont, bodyFont, notoPdf } from '../pdf/noto-pdf';
import { paymentMailContext } from './payment-recipients';
import { paymentOf } from './payment-views';

export interface Receipt {
  payment: Payment;
  group: PaymentMailGroup;
  planName: string;
  authorizationVersion: string;
}

/** What a payment's receipt prints; 404 for a payment of another group. */
export async function receiptOf(db: Db, groupNumber: string, confirmationNumber: string, plan: BillingPlan, now: Date): Promise<Receipt> {
  const payment = await paymentOf(db, groupNumber, confirmationNumber, now);
  const [row] = await db.select({ version: payments.authorizationVersion }).from(payments).where(eq(payments.confirmationNumber, confirmationNumber));
  const { group } = await paymentMailContext(db, groupNumber, plan);
  return { payment, group, planName: plan.name, authorizationVersion: row?.version ?? '' };
}

const margin = 54;
const statusWords: Record<Payment['status'], string> = {
  scheduled: 'Scheduled',
  processing: 'Sent to the bank',
  settled: 'Settled',
  returned: 'Returned by the bank',
  cancelled: 'Cancelled',
};

/**
 * Writes a one-page Letter-size receipt of the payment to `out`: who paid, how much in figures and
 * words, when and from which account (last four digits only), which invoices it paid, and the
 * authorization accepted. A payment has at most 24 invoices, so one page holds it.
 */
export async function writeReceiptPdf(receipt: Receipt, out: Writable): Promise<void> {
  const { payment: p, group } = receipt;
  const doc = await notoPdf({ size: 'LETTER', margin, info: { Title: `Payment receipt ${p.confirmationNumber}`, Author: receipt.planName, Subject: `Payment by group ${group.groupNumber}` } });
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  doc.on('data', (chunk: Buffer) => {
    if (!out.destroyed) out.write(chunk);
  });
  const field = (label: string, value: string, bold = false): void => {
    const y = doc.y;
    doc.font(bold ? boldFont : bodyFont).fontSize(10).text(label, margin, y, { lineBreak: false });
    doc.text(value, margin + 160, y, { width: 340 });
    doc.y = Math.max(doc.y, y + 16);
  };
  doc.font(boldFont).fontSize(18).text(receipt.planName);
  doc.moveDown(0.2).font(bodyFont).fontSize(12).text(`Payment receipt ${p.confirmationNumber}`);
  doc.moveDown(1);
  field('Paid by', `${group.companyName} (group ${group.groupNumber})`);
  field('Amount', formatUsd(p.amountCents), true);
  field('Amount in words', amountInWords(p.amountCents));
  field('Debit date', planDates.date(p.paymentDate));
  field('Expected to settle', planDates.date(p.settlementDate));
  field('From account', `${p.bankAccount.nickname}, ${p.bankAccount.accountType} account ending ${p.bankAccount.accountLast4}`);
  field('Status', statusWords[p.status]);
  if (p.returnReason) field('Return reason', p.returnReason);
  field('Confirmation number', p.confirmationNumber);
  field('Submitted', `${planInstant(p.submittedAt)} by ${p.autopay ? 'autopay' : p.submittedBy}`);
  field('Authorization', `ACH debit authorization, version ${receipt.authorizationVersion}`);
  doc.moveDown(1).font(boldFont).fontSize(11).text('Invoices paid', margin);
  doc.moveDown(0.3);
  for (const a of p.allocations) field(a.invoiceNumber, formatUsd(a.amountCents));
  doc.moveDown(1).font(bodyFont).fontSize(10).text(`Questions about this payment? Call ${group.serviceTeam.name} at ${group.serviceTeam.phone}.`, margin);
  doc.end();
  await ended;
  out.end();
}
