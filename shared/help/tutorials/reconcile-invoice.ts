import type { HelpTutorial } from '../tutorial-format';

export const reconcileInvoice: HelpTutorial = {
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
  needs: 'members.read',
  startRoute: '/billing',
  steps: [
    { id: 'open-billing', target: 'nav-billing', title: 'Open Billing', body: 'Choose Billing in the navigation.', action: { kind: 'click' }, imageAlt: 'The navigation with Billing highlighted.' },
    { id: 'choose-an-invoice', target: 'billing-invoices', title: 'Choose an invoice', body: 'Choose the month of the invoice to check.', action: { kind: 'click' }, imageAlt: 'The list of invoices by month.' },
    { id: 'open-reconcile', target: 'invoice-reconcile-tab', title: 'Open Reconcile', body: 'Choose the Reconcile tab.', action: { kind: 'click' }, imageAlt: 'The invoice’s tabs with Reconcile highlighted.' },
    {
      id: 'read-the-differences',
      target: 'invoice-reconcile',
      title: 'Read the differences',
      body: 'Each group of lines is one kind of difference, with what it means. Choose Dispute beside a line the plan got wrong, or export the worksheet.',
      action: { kind: 'read' },
      imageAlt: 'The reconciliation with billed and covered counts and the differences by kind.',
    },
  ],
};
