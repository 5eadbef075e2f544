import type { HelpTutorial } from '../tutorial-format';

export const updateDemographics: HelpTutorial = {
  id: 'update-demographics',
  title: 'Update a member’s details',
  summary: 'Correct or change a member’s name, date of birth, SSN, address, phone, e-mail or employment status.',
  area: 'Members',
  keywords: ['demographics', 'address change', 'name change', 'moved', 'correct', 'SSN', 'phone', 'e-mail', 'part time'],
  article: [
    'Update a member’s details when they move, change their name, or when something was entered wrong. Change only what is different: the review shows each change beside the old value.',
    'When an employee moves, you can move their dependents who live with them to the new address in the same change.',
    'Say why the details are changing (a correction, or a change from a date) and when it takes effect. The plan answers with a confirmation number.',
  ],
  needs: 'members.write',
  startRoute: '/members',
  steps: [
    { id: 'open-members', target: 'nav-members', title: 'Open Members', body: 'Choose Members in the navigation.', action: { kind: 'click' }, imageAlt: 'The navigation with Members highlighted.' },
    { id: 'find-the-member', target: 'roster-search', title: 'Find the member', body: 'Type part of their name, their member ID or the last 4 digits of their SSN.', action: { kind: 'read' }, imageAlt: 'The roster’s search box.' },
    { id: 'open-the-member', target: 'roster-grid', title: 'Open the member', body: 'Choose the member’s name to open their record.', action: { kind: 'click' }, imageAlt: 'The roster list of members.' },
    { id: 'start-the-update', target: 'member-demographics', title: 'Start the update', body: 'Choose Update demographics.', action: { kind: 'click' }, imageAlt: 'The member’s page with the Update demographics button highlighted.' },
    {
      id: 'name-and-identity',
      target: 'demographics-identity',
      title: 'Name and identity',
      body: 'Change the name, date of birth or gender if needed. Enter a corrected SSN only if the one on file is wrong. Choose Next.',
      action: { kind: 'click' },
      imageAlt: 'Step 1 of Update demographics, with the name, date of birth, gender and corrected SSN.',
    },
    {
      id: 'address-and-contact',
      target: 'demographics-contact',
      title: 'Address and contact',
      body: 'Change the address, phone or e-mail (and for an employee, the employment status). Choose Next.',
      action: { kind: 'click' },
      imageAlt: 'Step 2, the address, phone and e-mail fields.',
    },
    { id: 'why-and-when', target: 'demographics-when', title: 'Why and when', body: 'Say why the details change and from which date. Choose Next.', action: { kind: 'click' }, imageAlt: 'Step 3, the reason for the change and the effective date.' },
    { id: 'review', target: 'demographics-review', title: 'Review', body: 'Check each change beside the old value, then choose Submit changes.', action: { kind: 'click' }, imageAlt: 'The review step listing each change.' },
    {
      id: 'sent-to-the-plan',
      target: 'wizard-done',
      title: 'Sent to the plan',
      body: 'This line says where the change is. When the plan accepts it, you see its confirmation number here and in Activity.',
      action: { kind: 'read' },
      imageAlt: 'Changes submitted, with the status line and the plan’s confirmation number.',
    },
  ],
};
