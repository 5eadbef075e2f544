import type { Tutorial } from './tutorial-format';

export const requestIdCards: Tutorial = {
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
  startPath: '/members',
  steps: [
    { target: 'nav-members', title: 'Open Members', body: 'Choose Members in the navigation.', action: 'do', imageAlt: 'The navigation with Members highlighted.' },
    { target: 'roster-search', title: 'Find the member', body: 'Type part of their name, their member ID or the last 4 digits of their SSN.', action: 'read', imageAlt: 'The roster’s search box.' },
    { target: 'roster-grid', title: 'Open the member', body: 'Choose the member’s name to open their record.', action: 'do', imageAlt: 'The roster list of members.' },
    { target: 'member-id-cards', title: 'Start the request', body: 'Choose Request ID card.', action: 'do', imageAlt: 'The member’s page with the Request ID card button highlighted.' },
    {
      target: 'id-cards-members',
      title: 'Members',
      body: 'The member is listed. Search to add others from the same group, then choose Next.',
      action: 'do',
      imageAlt: 'Step 1 of Request ID cards, with the list of members who get a card.',
    },
    {
      target: 'id-cards-details',
      title: 'Reason and shipping',
      body: 'Choose the reason and where to ship the cards: to the member’s home address or to the employer’s address. Choose Next.',
      action: 'do',
      imageAlt: 'Step 2, the reason and where to ship the cards.',
    },
    { target: 'id-cards-review', title: 'Review', body: 'Check the members and the address, then choose Submit request.', action: 'do', imageAlt: 'The review step of Request ID cards.' },
    {
      target: 'wizard-done',
      title: 'Sent to the plan',
      body: 'This line says where the request is. When the plan accepts it, you see its confirmation number here and in Activity.',
      action: 'read',
      imageAlt: 'ID-card request submitted, with the status line and the plan’s confirmation number.',
    },
  ],
};
