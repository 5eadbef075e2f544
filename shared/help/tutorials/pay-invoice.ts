import type { HelpTutorial } from '../tutorial-format';

export const payInvoice: HelpTutorial = {
  id: 'pay-invoice',
  title: 'Pay an invoice',
  summary: 'Pay one or more invoices from your bank account, today or on a later date.',
  area: 'Billing',
  keywords: ['pay', 'payment', 'ACH', 'bank account', 'balance', 'due', 'one-time payment'],
  article: [
    'Pay invoices from a bank account your group has added under Billing, Bank accounts. The plan debits the account by ACH on the date you choose.',
    'Choose the invoices, then the amount: the whole balance, or another amount. A partial payment goes to the oldest invoice first.',
    'A payment can be scheduled offline: it is sent when GroupDesk is online again. You get a confirmation number when the plan schedules it, and a confirmation e-mail.',
  ],
  needs: 'billing.write',
  startRoute: '/billing',
  steps: [
    { id: 'open-billing', target: 'nav-billing', title: 'Open Billing', body: 'Choose Billing in the navigation.', action: { kind: 'click' }, imageAlt: 'The navigation with Billing highlighted.' },
    { id: 'start-the-payment', target: 'billing-pay', title: 'Start the payment', body: 'Choose Pay invoices.', action: { kind: 'click' }, imageAlt: 'The Billing page with the Pay invoices button highlighted.' },
    { id: 'invoices', target: 'pay-invoices', title: 'Invoices', body: 'Tick the invoices to pay, then choose Next.', action: { kind: 'click' }, imageAlt: 'Step 1 of Pay invoices, the list of open invoices.' },
    { id: 'amount', target: 'pay-amount', title: 'Amount', body: 'Pay the whole balance, or another amount (it goes to the oldest invoice first). Choose Next.', action: { kind: 'click' }, imageAlt: 'Step 2, the amount to pay.' },
    { id: 'account', target: 'pay-account', title: 'Account', body: 'Choose the bank account to pay from. Choose Next.', action: { kind: 'click' }, imageAlt: 'Step 3, the bank accounts to pay from.' },
    { id: 'date', target: 'pay-date', title: 'Date', body: 'Choose the payment date: any business day up to the due date. The note below says when the money leaves the account. Choose Next.', action: { kind: 'click' }, imageAlt: 'Step 4, the payment date.' },
    { id: 'review', target: 'pay-review', title: 'Review', body: 'Check the amount, account and date, then choose Submit payment.', action: { kind: 'click' }, imageAlt: 'The review step with the amount in words, the account and the date.' },
    {
      id: 'payment-scheduled',
      target: 'pay-done',
      title: 'Payment scheduled',
      body: 'The plan’s confirmation number for the payment. The payment is listed under Billing, Payment history.',
      action: { kind: 'read' },
      imageAlt: 'Payment scheduled, with the confirmation number.',
    },
  ],
};
