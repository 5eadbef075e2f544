import { useState } from 'react';
import { Link } from '@tanstack/react-router';
import { Tabs } from 'radix-ui';
import { useGroupStore } from '../../state/group-store';
import { usePermission } from '../../state/permissions';
import { ErrorState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';
import { BackIcon } from '../../components/icons';
import { formatCount } from '../../components/format';
import { useBillingQuery } from './use-billing-query';
import { formatMonth } from './billing-words';
import { InvoiceSummary } from './InvoiceSummary';
import { InvoiceLines } from './InvoiceLines';
import { AdjustmentsTable } from './AdjustmentsTable';
import { ReconcilePanel } from './ReconcilePanel';
import { DisputeList } from './DisputeList';
import { PdfButton } from './PdfButton';
import './billing.css';

type Tab = 'lines' | 'adjustments' | 'reconcile' | 'disputes';

function TabLabel({ label, count }: { label: string; count: number | null }) {
  return (
    <>
      {label}
      {count !== null && (
        <>
          <span className="tab-count" aria-hidden="true">
            {formatCount(count)}
          </span>
          <span className="visually-hidden">, {formatCount(count)}</span>
        </>
      )}
    </>
  );
}

/** One invoice: its statement, member lines, adjustments, the reconciliation with the roster and the disputes filed on it. */
export function InvoicePage({ invoiceNumber }: { invoiceNumber: string }) {
  const groupNumber = useGroupStore((s) => s.groupNumber) ?? '';
  const detail = useBillingQuery('billing.invoice', { groupNumber, invoiceNumber });
  const disputes = useBillingQuery('billing.disputes', { groupNumber, invoiceNumber });
  // Reconciling reads the roster; billing users have none.
  const readsMembers = usePermission('members.read');
  // The plan takes a dispute from a role that pays (billing.write) or maintains members (members.write).
  const paysInvoices = usePermission('billing.write');
  const changesMembers = usePermission('members.write');
  const canDispute = paysInvoices || changesMembers;
  const [tab, setTab] = useState<Tab>('lines');

  const invoice = detail.data?.invoice;
  return (
    <div className="page page-billing">
      <Link to="/billing" className="back-link">
        <BackIcon />
        Back to Billing
      </Link>
      {detail.status === 'error' && !detail.data ? (
        <ErrorState title={detail.error.code === 'NOT_FOUND' ? 'No such invoice for this group' : 'This invoice could not be loaded'} error={detail.error} onRetry={detail.reload} />
      ) : !detail.data || !invoice ? (
        <SkeletonBlock label="Loading the invoice…" lines={8} />
      ) : (
        <>
          <div className="page-header">
            <h1 className="page-title">Invoice for {formatMonth(invoice.periodStart)}</h1>
            <p className="page-meta mono">{invoice.invoiceNumber}</p>
            <div className="billing-actions">
              {paysInvoices && invoice.status !== 'paid' && (
                <Link to="/billing/pay" search={{ invoice: invoice.invoiceNumber }} className="button button-primary">
                  Pay this invoice
                </Link>
              )}
              <PdfButton groupNumber={groupNumber} invoiceNumber={invoiceNumber} />
            </div>
          </div>
          <InvoiceSummary invoice={invoice} />
          <Tabs.Root value={tab} onValueChange={(value) => setTab(value as Tab)} className="billing-tabs" data-tour="invoice-tabs">
            <Tabs.List aria-label="Invoice details" className="tabs">
              <Tabs.Trigger value="lines" className="tab">
                <TabLabel label="Member lines" count={invoice.lineCount} />
              </Tabs.Trigger>
              <Tabs.Trigger value="adjustments" className="tab">
                <TabLabel label="Adjustments" count={invoice.adjustmentCount} />
              </Tabs.Trigger>
              {readsMembers && (
                <Tabs.Trigger value="reconcile" className="tab" data-tour="invoice-reconcile-tab">
                  Reconcile
                </Tabs.Trigger>
              )}
              <Tabs.Trigger value="disputes" className="tab">
                <TabLabel label="Disputes" count={disputes.data?.length ?? null} />
              </Tabs.Trigger>
            </Tabs.List>
            <Tabs.Content value="lines" className="tab-panel">
              <InvoiceLines groupNumber={groupNumber} invoiceNumber={invoiceNumber} />
            </Tabs.Content>
            <Tabs.Content value="adjustments" className="tab-panel">
              <AdjustmentsTable adjustments={detail.data.adjustments} />
            </Tabs.Content>
            {readsMembers && (
              <Tabs.Content value="reconcile" className="tab-panel">
                <ReconcilePanel groupNumber={groupNumber} invoiceNumber={invoiceNumber} canDispute={canDispute} onDisputed={disputes.reload} />
              </Tabs.Content>
            )}
            <Tabs.Content value="disputes" className="tab-panel">
              {disputes.status === 'error' && !disputes.data ? (
                <ErrorState
                  title="Disputes could not be loaded"
                  error={disputes.error}
                  onRetry={disputes.reload}
                />
              ) : !disputes.data ? (
                <SkeletonBlock label="Loading disputes…" lines={3} />
              ) : (
                <DisputeList disputes={disputes.data} />
              )}
            </Tabs.Content>
          </Tabs.Root>
        </>
      )}
    </div>
  );
}
