import type { HelpTutorial } from '../tutorial-format';

export const setUpAutopay: HelpTutorial = {
  id: 'set-up-autopay',
  title: 'Set up autopay',
  summary: 'Have each invoice’s total due debited automatically from a verified bank account.',
  area: 'Billing',
  keywords: ['autopay', 'automatic payment', 'recurring', 'direct debit', 'ACH', 'authorize'],
  article: [
    'With autopay, the plan debits each invoice’s total due from a verified bank account, on the due date or a few business days before. You are e-mailed five business days before each debit.',
    'You need a verified bank account (see Billing, Bank accounts). You authorize autopay with your password; your name and the time are recorded, and the group’s primary administrators are told.',
    'On the same page you can change autopay, skip a debit, or cancel it.',
  ],
  needs: 'billing.write',
  startRoute: '/billing/autopay',
  steps: [
    { id: 'open-billing', target: 'nav-billing', title: 'Open Billing', body: 'Choose Billing in the navigation.', action: { kind: 'click' }, imageAlt: 'The navigation with Billing highlighted.' },
    { id: 'open-autopay', target: 'billing-autopay', title: 'Open Autopay', body: 'Choose Autopay under Payments.', action: { kind: 'click' }, imageAlt: 'The Payments links with Autopay highlighted.' },
    { id: 'start', target: 'autopay-start', title: 'Start', body: 'Choose Enroll in autopay (or Change autopay if it is on).', action: { kind: 'click' }, imageAlt: 'The autopay card, not enrolled, with the Enroll in autopay button highlighted.' },
    {
      id: 'account-timing-and-authorization',
      target: 'autopay-form',
      title: 'Account, timing and authorization',
      body: 'Choose the account to debit and when, tick I authorize autopay, enter your password and choose Enroll in autopay. The card then shows the next debit.',
      action: { kind: 'read' },
      imageAlt: 'The autopay form with the account, the timing, the authorization and the password.',
    },
  ],
};
