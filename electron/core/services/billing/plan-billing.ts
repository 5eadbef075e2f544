import { ContractFailure } from '@shared/contract';
import type { BillingPreferences, BillingPreferencesUpdate } from '@shared/plan-api/billing-preferences';
import type { InvoiceDispute } from '@shared/plan-api/invoice-disputes';
import type { HandlerContext } from '../../dispatch/handler-types';
import { fileDispute, groupDisputes, invoicePdf, readBillingPreferences, writeBillingPreferences } from '../../plan-service/billing-client';
import { cachedBillingPreferences, listDisputes, replaceDisputes, saveBillingPreferences, saveDispute } from '../../store/repositories/billing-cache-repository';

/**
 * The billing calls answered by the plan: the PDF, disputes and invoice preferences. What the plan
 * answers is kept, so disputes and preferences still show offline; what only the plan can do
 * (print, file, change) is OFFLINE while it cannot be reached.
 */

const isOffline = (error: unknown): boolean => error instanceof ContractFailure && error.code === 'OFFLINE';

export async function invoicePdfFile(ctx: HandlerContext, groupNumber: string, invoiceNumber: string): Promise<{ fileName: string; contentType: string; base64: string }> {
  const bytes = await invoicePdf(ctx.clients.authorized(ctx.store), groupNumber, invoiceNumber);
  return { fileName: `${invoiceNumber}.pdf`, contentType: 'application/pdf', base64: Buffer.from(bytes).toString('base64') };
}

export async function disputeLine(
  ctx: HandlerContext,
  input: { groupNumber: string; invoiceNumber: string; memberId: string | null; reason: InvoiceDispute['reason']; note: string },
): Promise<InvoiceDispute> {
  const { groupNumber, invoiceNumber, ...body } = input;
  const dispute = await fileDispute(ctx.clients.authorized(ctx.store), groupNumber, invoiceNumber, body);
  saveDispute(ctx.store.db, groupNumber, dispute);
  ctx.emit({ type: 'billing.changed', groupNumber });
  return dispute;
}

/** The plan's list when it answers (kept in place of the last one), else the last one kept. */
export async function disputesOf(ctx: HandlerContext, groupNumber: string, invoiceNumber: string | null): Promise<InvoiceDispute[]> {
  try {
    const disputes = await groupDisputes(ctx.clients.authorized(ctx.store), groupNumber);
    replaceDisputes(ctx.store.db, groupNumber, disputes);
  } catch (error) {
    if (!isOffline(error)) throw error;
  }
  return listDisputes(ctx.store.db, groupNumber, invoiceNumber);
}

/** The plan's preferences when it answers (kept), else the copy last read, else OFFLINE. */
export async function preferencesOf(ctx: HandlerContext, groupNumber: string): Promise<BillingPreferences> {
  try {
    const preferences = await readBillingPreferences(ctx.clients.authorized(ctx.store), groupNumber);
    saveBillingPreferences(ctx.store.db, groupNumber, preferences, ctx.now());
    return preferences;
  } catch (error) {
    const cached = isOffline(error) ? cachedBillingPreferences(ctx.store.db, groupNumber) : null;
    if (cached === null) throw error;
    return cached;
  }
}

export async function changePreferences(ctx: HandlerContext, groupNumber: string, update: BillingPreferencesUpdate): Promise<BillingPreferences> {
  const preferences = await writeBillingPreferences(ctx.clients.authorized(ctx.store), groupNumber, update);
  saveBillingPreferences(ctx.store.db, groupNumber, preferences, ctx.now());
  ctx.emit({ type: 'billing.changed', groupNumber });
  return preferences;
}
