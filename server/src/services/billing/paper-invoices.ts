import { and, asc, eq, isNull, or } from 'drizzle-orm';
import type { Address } from '@shared/contract/schemas/group';
import type { Db } from '../../store/db';
import { billingPreferences, groups, invoices } from '../../store/schema';

export interface PaperInvoice {
  groupNumber: string;
  groupName: string;
  address: Address;
  invoiceNumber: string;
  totalDueCents: number;
  dueDate: string;
}

/** The month's invoices of groups on paper (no preference recorded is paper), in group-number order: what the print vendor mails. */
export async function paperInvoicesOf(db: Db, periodStart: string): Promise<PaperInvoice[]> {
  return db
    .select({ groupNumber: groups.groupNumber, groupName: groups.name, address: groups.address, invoiceNumber: invoices.invoiceNumber, totalDueCents: invoices.totalDueCents, dueDate: invoices.dueDate })
    .from(invoices)
    .innerJoin(groups, eq(groups.groupNumber, invoices.groupNumber))
    .leftJoin(billingPreferences, eq(billingPreferences.groupNumber, invoices.groupNumber))
    .where(and(eq(invoices.periodStart, periodStart), or(isNull(billingPreferences.paperless), eq(billingPreferences.paperless, false))))
    .orderBy(asc(groups.groupNumber));
}
