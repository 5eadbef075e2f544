import type { HelpTutorial } from '../tutorial-format';

export const readInvoice: HelpTutorial = {
  id: 'read-invoice',
  title: 'Read an invoice',
  summary: 'See what the plan billed this month: the total due, each member’s line, and adjustments for earlier months.',
  area: 'Billing',
  keywords: ['invoice', 'bill', 'statement', 'premium', 'amount due', 'due date', 'adjustment', 'retro', 'PDF'],
  article: [
    'The plan issues an invoice each month for the coverage of the month after. It lists every covered member with their plan, coverage tier and premium.',
    'Adjustments correct earlier months: for example an employee enrolled or terminated with a past date is charged or credited on the next invoice.',
    'Invoices are kept on this computer, so you can read them offline. The Print / Save PDF button gives the invoice as the plan prints it.',
  ],
  needs: 'billing.read',
  startRoute: '/billing',
  steps: [
    { id: 'open-billing', target: 'nav-billing', title: 'Open Billing', body: 'Choose Billing in the navigation.', action: { kind: 'click' }, imageAlt: 'The navigation with Billing highlighted.' },
    { id: 'choose-an-invoice', target: 'billing-invoices', title: 'Choose an invoice', body: 'Choose the month of the invoice you want to read.', action: { kind: 'click' }, imageAlt: 'The list of invoices by month, with their totals and status.' },
    {
      id: 'the-summary',
      target: 'invoice-summary',
      title: 'The summary',
      body: 'The charges, the adjustments and the total due, with the due date and whether the invoice is paid.',
      action: { kind: 'read' },
      imageAlt: 'The invoice summary with the total due, due date and status.',
    },
    {
      id: 'the-details',
      target: 'invoice-tabs',
      title: 'The details',
      body: 'Member lines lists each member billed, with plan, tier and amount. Adjustments lists changes to earlier months. Disputes lists the questions you raised.',
      action: { kind: 'read' },
      imageAlt: 'The invoice’s tabs: Member lines, Adjustments, Reconcile and Disputes.',
    },
  ],
};
