import type { Tutorial } from './tutorial-format';

export const setUpAutopay: Tutorial = {
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
  startPath: '/billing/autopay',
  steps: [
    { target: 'nav-billing', title: 'Open Billing', body: 'Choose Billing in the navigation.', action: 'do', imageAlt: 'The navigation with Billing highlighted.' },
    { target: 'billing-autopay', title: 'Open Autopay', body: 'Choose Autopay under Payments.', action: 'do', imageAlt: 'The Payments links with Autopay highlighted.' },
    { target: 'autopay-card', title: 'Start', body: 'Choose Enroll in autopay (or Change autopay if it is on).', action: 'do', imageAlt: 'The autopay card, not enrolled, with the Enroll in autopay button.' },
    {
      target: 'autopay-form',
      title: 'Account, timing and authorization',
      body: 'Choose the account to debit and when, tick I authorize autopay, enter your password and choose Enroll in autopay. The card then shows the next debit.',
      action: 'read',
      imageAlt: 'The autopay form with the account, the timing, the authorization and the password.',
    },
  ],
};
