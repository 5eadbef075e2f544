import { z } from 'zod';
import { invoiceAdjustment, invoiceLine, invoiceSummary } from './bill-pay';

/**
 * Where an invoice stands for the payer, as of the plan's day (UTC): `paid` once settled payments
 * cover its amount; `partly_paid` while payments scheduled, processing or settled cover some of it
 * but not all; otherwise `past_due` once its due date has gone by, else `open`.
 */
export const invoicePaymentStatus = z.enum(['open', 'partly_paid', 'paid', 'past_due']);
export type InvoicePaymentStatus = z.infer<typeof invoicePaymentStatus>;

/** An invoice as the invoice list shows it: the summary and where it stands (`status` stays the stored open/paid). */
export const invoiceListItem = invoiceSummary.extend({ paymentStatus: invoicePaymentStatus });
export type InvoiceListItem = z.infer<typeof invoiceListItem>;

/** GET /v1/groups/:groupNumber/invoices (billing.read): newest month first. */
export const invoiceList = z.object({ invoices: z.array(invoiceListItem) });
export type InvoiceList = z.infer<typeof invoiceList>;

/**
 * The subscriber's name as printed on the bill: the one thing of a member beyond the line itself that
 * a billing user sees (shared/contract/roles.ts), so a bill can be checked against payroll.
 */
const memberName = z.string();

export const invoiceLineDetail = invoiceLine.extend({ memberName });
export type InvoiceLineDetail = z.infer<typeof invoiceLineDetail>;

export const invoiceAdjustmentDetail = invoiceAdjustment.extend({ memberName });
export type InvoiceAdjustmentDetail = z.infer<typeof invoiceAdjustmentDetail>;

/** GET /v1/groups/:groupNumber/invoices/:invoiceNumber (billing.read): the statement, its lines and adjustments. */
export const invoiceDetail = z.object({
  invoice: invoiceListItem,
  /** By member name, then member ID. */
  lines: z.array(invoiceLineDetail),
  /** By month adjusted, then member name. */
  adjustments: z.array(invoiceAdjustmentDetail),
});
export type InvoiceDetail = z.infer<typeof invoiceDetail>;
