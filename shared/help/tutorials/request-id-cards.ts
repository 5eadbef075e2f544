import type { HelpTutorial } from '../tutorial-format';

export const requestIdCards: HelpTutorial = {
  id: 'request-id-cards',
  title: 'Request ID cards',
  summary: 'Order new or replacement member ID cards, mailed to the member’s home or to your office.',
  area: 'Members',
  keywords: ['ID card', 'lost card', 'replacement card', 'new card', 'insurance card', 'temporary card'],
  article: [
    'Request ID cards when a member lost theirs, their details changed, or they need an extra card. The plan makes the cards and sends them where you choose.',
    'You can request cards for one member from their page, or for several at once: select them in the roster and choose Request ID cards….',
    'While they wait, a member can use a temporary ID card: choose Temporary ID card on their page to print one.',
  ],
  needs: 'members.write',
  startRoute: '/members',
  steps: [
    { id: 'open-members', target: 'nav-members', title: 'Open Members', body: 'Choose Members in the navigation.', action: { kind: 'click' }, imageAlt: 'The navigation with Members highlighted.' },
    { id: 'find-the-member', target: 'roster-search', title: 'Find the member', body: 'Type part of their name, their member ID or the last 4 digits of their SSN.', action: { kind: 'read' }, imageAlt: 'The roster’s search box.' },
    { id: 'open-the-member', target: 'roster-grid', title: 'Open the member', body: 'Choose the member’s name to open their record.', action: { kind: 'click' }, imageAlt: 'The roster list of members.' },
    { id: 'start-the-request', target: 'member-id-cards', title: 'Start the request', body: 'Choose Request ID card.', action: { kind: 'click' }, imageAlt: 'The member’s page with the Request ID card button highlighted.' },
    {
      id: 'members',
      target: 'id-cards-members',
      title: 'Members',
      body: 'The member is listed. Search to add others from the same group, then choose Next.',
      action: { kind: 'click' },
      imageAlt: 'Step 1 of Request ID cards, with the list of members who get a card.',
    },
    {
      id: 'reason-and-shipping',
      target: 'id-cards-details',
      title: 'Reason and shipping',
      body: 'Choose the reason and where to ship the cards: to the member’s home address or to the employer’s address. Choose Next.',
      action: { kind: 'click' },
      imageAlt: 'Step 2, the reason and where to ship the cards.',
    },
    { id: 'review', target: 'id-cards-review', title: 'Review', body: 'Check the members and the address, then choose Submit request.', action: { kind: 'click' }, imageAlt: 'The review step of Request ID cards.' },
    {
      id: 'sent-to-the-plan',
      target: 'wizard-done',
      title: 'Sent to the plan',
      body: 'This line says where the request is. When the plan accepts it, you see its confirmation number here and in Activity.',
      action: { kind: 'read' },
      imageAlt: 'ID-card request submitted, with the status line and the plan’s confirmation number.',
    },
  ],
};
