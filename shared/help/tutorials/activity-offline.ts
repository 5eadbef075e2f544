import type { HelpTutorial } from '../tutorial-format';

export const activityOffline: HelpTutorial = {
  id: 'activity-offline',
  title: 'Work offline and follow your changes',
  summary: 'Keep working without a connection, and see in Activity whether the plan accepted each change.',
  area: 'Activity',
  keywords: ['offline', 'no internet', 'sync', 'waiting to send', 'rejected', 'accepted', 'status', 'history', 'outbox'],
  article: [
    'GroupDesk keeps a copy of your groups on this computer. Offline you can still search members, read the roster and invoices, and download rosters.',
    'Changes you make offline (an enrollment, a termination, a payment) wait on this computer and are sent to the plan as soon as it can be reached. The bar at the bottom of the window says how many are waiting.',
    'Activity lists every change sent to the plan, with its status: waiting to send, sent, accepted, or rejected. Open a rejected change to see the plan’s reason, correct it and send it again.',
  ],
  needs: 'none',
  startRoute: '/activity',
  steps: [
    {
      id: 'online-or-offline',
      target: 'status-bar',
      title: 'Online or offline',
      body: 'This bar says whether GroupDesk reaches the plan, when it last synced, and how many changes are waiting to send. Sync now brings everything up to date.',
      action: { kind: 'read' },
      imageAlt: 'The status bar at the bottom of the window, with the last sync time and the Sync now button.',
    },
    { id: 'open-activity', target: 'nav-activity', title: 'Open Activity', body: 'Choose Activity in the navigation.', action: { kind: 'click' }, imageAlt: 'The navigation with Activity highlighted.' },
    {
      id: 'every-change-and-its-status',
      target: 'activity-tabs',
      title: 'Every change and its status',
      body: 'The tabs sort changes by status: waiting to send, sent, accepted or rejected. Choose a change to see its details and the plan’s answer.',
      action: { kind: 'read' },
      imageAlt: 'Activity with its status tabs and the list of changes.',
    },
  ],
};
