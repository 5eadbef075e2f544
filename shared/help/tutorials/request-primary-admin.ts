import type { HelpTutorial } from '../tutorial-format';

export const requestPrimaryAdmin: HelpTutorial = {
  id: 'request-primary-admin',
  title: 'Become a group’s primary administrator',
  summary: 'Ask the plan to make you the primary administrator of your employer’s group.',
  area: 'Access',
  keywords: ['primary administrator', 'request access', 'sign up', 'new employer', 'officer', 'attestation', 'confirmation number'],
  article: [
    'The primary administrator manages the group’s members and invoices and invites its other users. An officer of the employer, or someone they authorize, asks for this access.',
    'You need the company name, the group number (on invoices and ID cards), the officer’s name and title, and a phone and e-mail where the plan can reach you.',
    'The plan checks the request with the employer within 3–5 business days. Keep the confirmation number: Access shows the request’s status, and you get an e-mail when it is decided.',
  ],
  needs: 'none',
  needsPlanSignIn: true,
  startRoute: '/access',
  steps: [
    { id: 'open-access', target: 'nav-access', title: 'Open Access', body: 'Choose Access in the navigation.', action: { kind: 'click' }, imageAlt: 'The navigation with Access highlighted.' },
    { id: 'start-the-request', target: 'access-request-link', title: 'Start the request', body: 'Choose Request primary administrator access.', action: { kind: 'click' }, imageAlt: 'The Access page with the request link highlighted.' },
    {
      id: 'fill-in-the-request',
      target: 'access-request-form',
      title: 'Fill in the request',
      body: 'Enter the company, the group number, the officer and how to reach you, tick the attestation, then choose Submit request.',
      action: { kind: 'click' },
      imageAlt: 'The request form with the company, group number, officer and contact fields.',
    },
    {
      id: 'keep-the-confirmation-number',
      target: 'access-request-received',
      title: 'Keep the confirmation number',
      body: 'The plan’s confirmation number for your request and the day to expect an answer. Print it if you like.',
      action: { kind: 'read' },
      imageAlt: 'Request received, with the confirmation number and the expected date.',
    },
  ],
};
