import type { HelpTutorial } from '../tutorial-format';

export const terminateCoverage: HelpTutorial = {
  id: 'terminate-coverage',
  title: 'End a member’s coverage',
  summary: 'Terminate an employee or a dependent when they leave, retire, divorce or pass away.',
  area: 'Members',
  keywords: ['terminate', 'termination', 'leaver', 'quit', 'retire', 'divorce', 'remove member', 'cancel coverage', 'COBRA'],
  article: [
    'Terminate coverage when an employee leaves the company or a dependent is no longer eligible, for example after a divorce.',
    'Choose the reason and the date of the event (the last day worked, or the date of the divorce or death). Your plan decides the day coverage ends, usually the last day of that month, and the wizard shows it before you submit.',
    'Ending an employee’s coverage ends their dependents’ coverage too. The review says who loses coverage and whether they may continue it under COBRA.',
    'You can date a termination back only as far as your plan allows (usually the current month and the two before). A terminated member stays on the roster, read-only, and can be reinstated.',
  ],
  needs: 'members.write',
  startRoute: '/members',
  steps: [
    { id: 'open-members', target: 'nav-members', title: 'Open Members', body: 'Choose Members in the navigation.', action: { kind: 'click' }, imageAlt: 'The navigation with Members highlighted.' },
    {
      id: 'find-the-member',
      target: 'roster-search',
      title: 'Find the member',
      body: 'Type part of their name, their member ID or the last 4 digits of their SSN. The list narrows as you type.',
      action: { kind: 'read' },
      imageAlt: 'The roster’s search box.',
    },
    { id: 'open-the-member', target: 'roster-grid', title: 'Open the member', body: 'Choose the member’s name in the list to open their record.', action: { kind: 'click' }, imageAlt: 'The roster list of members.' },
    { id: 'start-the-termination', target: 'member-terminate', title: 'Start the termination', body: 'Choose Terminate.', action: { kind: 'click' }, imageAlt: 'The member’s page with the Terminate button highlighted.' },
    {
      id: 'reason-and-date',
      target: 'terminate-details',
      title: 'Reason and date',
      body: 'Choose the reason and enter the date of the event. The hint under the date says which dates your plan accepts. Choose Next.',
      action: { kind: 'click' },
      imageAlt: 'Step 1 of Terminate coverage, with the Reason list and the Date of the event.',
    },
    {
      id: 'review',
      target: 'terminate-review',
      title: 'Review',
      body: 'Check the day coverage ends and who else loses coverage, then choose Submit termination.',
      action: { kind: 'click' },
      imageAlt: 'The review step with the coverage end date and the family after the change.',
    },
    {
      id: 'sent-to-the-plan',
      target: 'wizard-done',
      title: 'Sent to the plan',
      body: 'This line says where the termination is. When the plan accepts it, you see its confirmation number here and in Activity.',
      action: { kind: 'read' },
      imageAlt: 'Termination submitted, with the status line and the plan’s confirmation number.',
    },
  ],
};
