import type { HelpTutorial } from '../tutorial-format';

export const reinstateCoverage: HelpTutorial = {
  id: 'reinstate-coverage',
  title: 'Reinstate coverage',
  summary: 'Undo a termination: give back coverage to a member whose coverage ended by mistake or who was rehired soon after.',
  area: 'Members',
  keywords: ['reinstate', 'reinstatement', 'undo termination', 'rehire', 'restore coverage', 'terminated by mistake'],
  article: [
    'Reinstate a member when their coverage was ended by mistake, or when your plan allows it after a quick rehire. Coverage continues as if it had not ended: there is no gap.',
    'Terminated members stay on the roster, read-only. To find them, turn on the Terminated status above the roster list.',
    'You can add a note for the plan saying why. The plan reviews the reinstatement and answers with a confirmation number.',
  ],
  needs: 'members.write',
  startRoute: '/members',
  steps: [
    { id: 'open-members', target: 'nav-members', title: 'Open Members', body: 'Choose Members in the navigation.', action: { kind: 'click' }, imageAlt: 'The navigation with Members highlighted.' },
    {
      id: 'show-terminated-members',
      target: 'roster-toolbar',
      title: 'Show terminated members',
      body: 'Choose Terminated among the status buttons, and type the member’s name in the search box. Then choose Next.',
      action: { kind: 'read' },
      imageAlt: 'The roster toolbar with the search box and the status buttons.',
    },
    { id: 'open-the-member', target: 'roster-grid', title: 'Open the member', body: 'Choose the member’s name to open their record.', action: { kind: 'click' }, imageAlt: 'The roster list showing a terminated member.' },
    { id: 'start-the-reinstatement', target: 'member-reinstate', title: 'Start the reinstatement', body: 'Choose Reinstate.', action: { kind: 'click' }, imageAlt: 'The member’s page with the Reinstate button highlighted.' },
    {
      id: 'what-happens',
      target: 'reinstate-details',
      title: 'What happens',
      body: 'Read what the reinstatement does and add a note for the plan if you like. Choose Next.',
      action: { kind: 'click' },
      imageAlt: 'Step 1 of Reinstate coverage, with what happens and the note for the plan.',
    },
    { id: 'review', target: 'reinstate-review', title: 'Review', body: 'Check the details, then choose Submit reinstatement.', action: { kind: 'click' }, imageAlt: 'The review step of Reinstate coverage.' },
    {
      id: 'sent-to-the-plan',
      target: 'wizard-done',
      title: 'Sent to the plan',
      body: 'This line says where the reinstatement is. When the plan accepts it, you see its confirmation number here and in Activity.',
      action: { kind: 'read' },
      imageAlt: 'Reinstatement submitted, with the status line and the plan’s confirmation number.',
    },
  ],
};
