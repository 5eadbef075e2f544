import type { HelpTutorial } from '../tutorial-format';

export const goPaperless: HelpTutorial = {
  id: 'go-paperless',
  title: 'Go paperless',
  summary: 'Stop paper invoices in the mail and get each new invoice by e-mail and in GroupDesk instead.',
  area: 'Billing',
  keywords: ['paperless', 'paper invoice', 'mail', 'delivery', 'e-mail invoice', 'stop paper'],
  article: [
    'Invoices are always in GroupDesk. Paper invoices are mailed too unless you turn them off.',
    'With paperless delivery, the plan stops mailing invoices and e-mails you when a new one is issued. You can switch back to paper at any time.',
    'The setting is the plan’s, so changing it needs a connection to the plan. The card says who changed it last, and when.',
  ],
  needs: 'billing.write',
  startRoute: '/billing',
  steps: [
    { id: 'open-billing', target: 'nav-billing', title: 'Open Billing', body: 'Choose Billing in the navigation.', action: { kind: 'click' }, imageAlt: 'The navigation with Billing highlighted.' },
    {
      id: 'invoice-delivery',
      target: 'billing-delivery',
      title: 'Invoice delivery',
      body: 'Choose Paperless, then Go paperless to confirm. The card then says who changed it and when.',
      action: { kind: 'read' },
      imageAlt: 'The Invoice delivery card with the Paper and Paperless choices.',
    },
  ],
};
