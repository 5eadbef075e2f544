import { handlers } from '../../dispatch/handler-types';
import { groupAsOf } from '../groups/replica-time';
import { reconcileInvoice } from './invoice-reconciliation';
import { reconciliationWorksheet } from './invoice-worksheet';
import { previewNextInvoice } from './next-invoice-preview';

/** An invoice set against the local roster: its mismatches, as a worksheet, and the next invoice's preview. */
export const billingAnalysisHandlers = handlers({
  'billing.reconcile': ({ groupNumber, invoiceNumber }, { store }) => reconcileInvoice(store.db, groupNumber, invoiceNumber, groupAsOf(store.db, groupNumber)),
  'billing.worksheet': ({ groupNumber, invoiceNumber, format }, { store, now }) =>
    reconciliationWorksheet(reconcileInvoice(store.db, groupNumber, invoiceNumber, groupAsOf(store.db, groupNumber)), format, now()),
  'billing.preview': ({ groupNumber }, { store, today }) => previewNextInvoice(store.db, groupNumber, today()),
});
