import { eq } from 'drizzle-orm';
import type { Db } from '../../store/db';
import { groups, invoices } from '../../store/schema';
import { deliverAfterCommit, type DeliveryLog } from '../../mail/deliver';
import type { Mailer } from '../../mail/mailer';
import { newInvoiceMail } from '../../mail/new-invoice-mail';
import { billingPreferencesOf, noticeRecipientsOf } from './billing-preferences';
import type { BillingPlan } from './billing-plan';

export type { DeliveryLog };
export type NoticeMailer = Pick<Mailer, 'send'>;

/** What sends invoice notices, and the plan they come from. */
export interface InvoiceNotices {
  mailer: NoticeMailer;
  plan: BillingPlan;
}

/**
 * E-mails a committed invoice's notice to each of its group's notice recipients (billing
 * preferences). Call after the invoice's transaction: a mail server being down is logged and does
 * not undo or fail the issue.
 */
export async function announceNewInvoice(db: Db, notices: InvoiceNotices, invoiceNumber: string, log: DeliveryLog): Promise<void> {
  const [invoice] = await db
    .select({ groupNumber: invoices.groupNumber, companyName: groups.name, periodStart: invoices.periodStart, totalDueCents: invoices.totalDueCents, dueDate: invoices.dueDate })
    .from(invoices)
    .innerJoin(groups, eq(groups.groupNumber, invoices.groupNumber))
    .where(eq(invoices.invoiceNumber, invoiceNumber));
  if (!invoice) return;
  const { paperless } = await billingPreferencesOf(db, invoice.groupNumber);
  for (const to of await noticeRecipientsOf(db, invoice.groupNumber)) {
    await deliverAfterCommit(notices.mailer, newInvoiceMail({ to, invoiceNumber, paperless, plan: notices.plan, ...invoice }), log);
  }
}
