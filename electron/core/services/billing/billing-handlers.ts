import { roleAllows } from '@shared/contract/roles';
import { handlers, type HandlerContext } from '../../dispatch/handler-types';
import { billingInvoiceDetail, billingInvoices, billingOverview } from './invoice-detail';
import { invoiceLinesPage } from './invoice-lines';
import { changePreferences, disputeLine, disputesOf, invoicePdfFile, preferencesOf } from './plan-billing';

/** Whether the caller's role reads members: only then do invoice lines list the family's dependents. */
function readsMembers(ctx: HandlerContext, groupNumber: string): boolean {
  const role = ctx.session.roleIn(ctx.store, groupNumber);
  return role !== null && role !== 'no_user' && roleAllows(role, 'members.read');
}

/**
 * Bill Pay's invoices on the desktop. Invoices, lines and adjustments are read from the local store
 * (the change feed brings them), so they work offline; the PDF, disputes and preferences are the
 * plan's (plan-billing.ts).
 */
export const billingHandlers = handlers({
  'billing.overview': ({ groupNumber }, ctx) => billingOverview(ctx.store, groupNumber, ctx.today()),
  'billing.invoices': ({ groupNumber }, ctx) => billingInvoices(ctx.store, groupNumber, ctx.today()),
  'billing.invoice': ({ groupNumber, invoiceNumber }, ctx) => billingInvoiceDetail(ctx.store, groupNumber, invoiceNumber, ctx.today()),
  'billing.invoiceLines': (input, ctx) => invoiceLinesPage(ctx.store, { ...input, withDependents: readsMembers(ctx, input.groupNumber) }),
  'billing.pdf': ({ groupNumber, invoiceNumber }, ctx) => invoicePdfFile(ctx, groupNumber, invoiceNumber),
  'billing.dispute': (input, ctx) => disputeLine(ctx, input),
  'billing.disputes': ({ groupNumber, invoiceNumber }, ctx) => disputesOf(ctx, groupNumber, invoiceNumber ?? null),
  'billing.preferences': ({ groupNumber }, ctx) => preferencesOf(ctx, groupNumber),
  'billing.setPreferences': ({ groupNumber, ...update }, ctx) => changePreferences(ctx, groupNumber, update),
});
