import type { HelpTutorial } from '../tutorial-format';

export const addDependent: HelpTutorial = {
  id: 'add-dependent',
  title: 'Add a dependent after a life event',
  summary: 'Add a spouse, partner or child to an employee’s coverage after a marriage, birth, adoption or lost coverage.',
  area: 'Members',
  keywords: ['dependent', 'spouse', 'child', 'baby', 'newborn', 'birth', 'adoption', 'marriage', 'qualifying event', 'special enrollment'],
  article: [
    'Outside open enrollment, an employee can add a family member only after a qualifying life event: a marriage, a birth or adoption, or the family member losing other coverage.',
    'Add the dependent within your plan’s window: usually 30 days after the event (60 days for Medicaid or CHIP events). A newborn or adopted child is covered from the day of the event; others from the day your plan gives.',
    'You need the event and its date, and the dependent’s name, date of birth and relationship. Their SSN is optional. The coverage tier and monthly cost update on the review step.',
  ],
  needs: 'members.write',
  startRoute: '/members',
  steps: [
    { id: 'open-members', target: 'nav-members', title: 'Open Members', body: 'Choose Members in the navigation.', action: { kind: 'click' }, imageAlt: 'The navigation with Members highlighted.' },
    { id: 'find-the-employee', target: 'roster-search', title: 'Find the employee', body: 'Type part of the employee’s name or member ID. The list narrows as you type.', action: { kind: 'read' }, imageAlt: 'The roster’s search box.' },
    { id: 'open-the-employee', target: 'roster-grid', title: 'Open the employee', body: 'Choose the employee’s name to open their record.', action: { kind: 'click' }, imageAlt: 'The roster list of members.' },
    { id: 'start-adding', target: 'member-add-dependent', title: 'Start adding', body: 'Choose Add a dependent.', action: { kind: 'click' }, imageAlt: 'The employee’s page with the Add a dependent button highlighted.' },
    {
      id: 'relationship-and-event',
      target: 'add-dependent-event',
      title: 'Relationship and event',
      body: 'Choose the relationship to the employee and the qualifying event, and enter the date of the event. Choose Next.',
      action: { kind: 'click' },
      imageAlt: 'Step 1 of Add a dependent, with the relationship, the qualifying event and its date.',
    },
    {
      id: 'dependents-details',
      target: 'add-dependent-person',
      title: 'Dependent’s details',
      body: 'Enter the dependent’s name, date of birth and gender; the SSN is optional. Choose Next.',
      action: { kind: 'click' },
      imageAlt: 'Step 2, the dependent’s name, date of birth, gender and SSN.',
    },
    {
      id: 'review-and-submit',
      target: 'add-dependent-review',
      title: 'Review and submit',
      body: 'Check when coverage starts and the new tier and cost, then choose Submit dependent.',
      action: { kind: 'click' },
      imageAlt: 'The review step with the coverage start, tier and monthly cost.',
    },
    {
      id: 'sent-to-the-plan',
      target: 'wizard-done',
      title: 'Sent to the plan',
      body: 'This line says where the request is. When the plan accepts it, you see its confirmation number here and in Activity.',
      action: { kind: 'read' },
      imageAlt: 'Dependent submitted, with the status line and the plan’s confirmation number.',
    },
  ],
};
