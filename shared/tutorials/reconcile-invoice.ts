import type { Tutorial } from './tutorial-format';

export const reconcileInvoice: Tutorial = {
  id: 'reconcile-invoice',
  title: 'Reconcile an invoice with your roster',
  summary: 'Compare an invoice with who is covered, find the differences and dispute a wrong line.',
  area: 'Billing',
  keywords: ['reconcile', 'reconciliation', 'compare', 'difference', 'dispute', 'overbilled', 'worksheet', 'audit'],
  article: [
    'Reconciling checks each invoice line against your roster for the invoice’s month. GroupDesk lists four kinds of difference: billed but no longer covered, covered but not billed, billed for another plan or tier, and billed a different amount.',
    'For each difference you can raise a dispute with the plan; it is listed under the invoice’s Disputes tab with the plan’s answer. You can also export the differences as a worksheet.',
    'A recent enrollment or termination may not be on the invoice yet: the plan bills it, or credits it, on a later invoice as an adjustment.',
  ],
  startPath: '/billing',
  steps: [
    { target: 'nav-billing', title: 'Open Billing', body: 'Choose Billing in the navigation.', action: 'do', imageAlt: 'The navigation with Billing highlighted.' },
    { target: 'billing-invoices', title: 'Choose an invoice', body: 'Choose the month of the invoice to check.', action: 'do', imageAlt: 'The list of invoices by month.' },
    { target: 'invoice-reconcile-tab', title: 'Open Reconcile', body: 'Choose the Reconcile tab.', action: 'do', imageAlt: 'The invoice’s tabs with Reconcile highlighted.' },
    {
      target: 'invoice-reconcile',
      title: 'Read the differences',
      body: 'Each group of lines is one kind of difference, with what it means. Choose Dispute beside a line the plan got wrong, or export the worksheet.',
      action: 'read',
      imageAlt: 'The reconciliation with billed and covered counts and the differences by kind.',
    },
  ],
};
