import type { HelpTutorial } from '../tutorial-format';

export const enterAccessCode: HelpTutorial = {
  id: 'enter-access-code',
  title: 'Join a group with an access code',
  summary: 'Enter the access code from your invitation e-mail to see a group you were invited to.',
  area: 'Access',
  keywords: ['access code', 'invitation', 'join group', 'code', 'invited', 'new user'],
  article: [
    'When a group’s primary administrator invites you, the plan e-mails you an access code of 12 letters and digits. It works once, for 7 days.',
    'Sign in to GroupDesk with your own user ID first, then enter the code under Access. The group appears in the group list with the role you were invited for.',
    'If the code has expired or was already used, ask the primary administrator to send a new invitation.',
  ],
  needs: 'none',
  needsPlanSignIn: true,
  startRoute: '/access',
  steps: [
    { id: 'open-access', target: 'nav-access', title: 'Open Access', body: 'Choose Access in the navigation.', action: { kind: 'click' }, imageAlt: 'The navigation with Access highlighted.' },
    {
      id: 'enter-the-code',
      target: 'access-code',
      title: 'Enter the code',
      body: 'Type the access code from the e-mail and choose Join group. The line under the button says which group you joined and as what.',
      action: { kind: 'read' },
      imageAlt: 'The Enter an access code card with the code field and the Join group button.',
    },
  ],
};
