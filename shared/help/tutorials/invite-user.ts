import type { HelpTutorial } from '../tutorial-format';

export const inviteUser: HelpTutorial = {
  id: 'invite-user',
  title: 'Invite a user to your group',
  summary: 'Give a colleague access to the group as an administrator, a billing user or read-only.',
  area: 'Access',
  keywords: ['invite', 'invitation', 'add user', 'colleague', 'access code', 'role', 'permissions', 'billing user', 'read-only'],
  article: [
    'As the group’s primary administrator you decide who else works on it. Invite a colleague with their name and work e-mail, and choose their role.',
    'Administrators change members; Billing users see and pay invoices but never the roster; Read-only users see both and change nothing.',
    'The plan e-mails them an access code that works once, for 7 days. They sign in with their own user ID and enter the code under Access. You can resend or revoke an invitation until it is used.',
  ],
  needs: 'users.manage',
  startRoute: '/users',
  steps: [
    { id: 'open-users', target: 'nav-users', title: 'Open Users', body: 'Choose Users in the navigation.', action: { kind: 'click' }, imageAlt: 'The navigation with Users highlighted.' },
    { id: 'start-the-invitation', target: 'users-invite', title: 'Start the invitation', body: 'Choose Invite a user.', action: { kind: 'click' }, imageAlt: 'The Users page with the Invite a user button highlighted.' },
    {
      id: 'who-and-which-role',
      target: 'users-invite-form',
      title: 'Who and which role',
      body: 'Enter their name and e-mail address and choose a role, then choose Send invitation. The invitation is then listed under Invitations.',
      action: { kind: 'read' },
      imageAlt: 'The Invite a user dialog with the name, e-mail address and role.',
    },
  ],
};
