import type { HelpTutorial } from '../tutorial-format';

export const downloadRoster: HelpTutorial = {
  id: 'download-roster',
  title: 'Download a roster',
  summary: 'Save the list of members as a spreadsheet, a PDF or an X12 834 file, as of any day.',
  area: 'Members',
  keywords: ['export', 'roster', 'spreadsheet', 'excel', 'csv', 'xlsx', 'pdf', '834', 'census', 'member list'],
  article: [
    'Download the roster to share a census with a broker, to check payroll deductions, or to keep a record of who was covered on a given day.',
    'You can download the members the roster shows now (after your search and filters) or everyone in the group, as of today or another day. Choose the columns and a format: CSV or Excel for a spreadsheet, PDF to print, or X12 834 for a benefits system.',
    'The roster is stored on this computer, so you can download it offline too. It is as recent as the last sync shown at the bottom of the window.',
  ],
  needs: 'members.read',
  startRoute: '/members',
  steps: [
    { id: 'open-members', target: 'nav-members', title: 'Open Members', body: 'Choose Members in the navigation.', action: { kind: 'click' }, imageAlt: 'The navigation with Members highlighted.' },
    {
      id: 'narrow-the-list-optional',
      target: 'roster-toolbar',
      title: 'Narrow the list (optional)',
      body: 'Search or use the Status, Plan and Relationship filters if you want only some members. The download can follow them.',
      action: { kind: 'read' },
      imageAlt: 'The roster’s search box and filters.',
    },
    { id: 'open-the-download', target: 'roster-download', title: 'Open the download', body: 'Choose Download….', action: { kind: 'click' }, imageAlt: 'The roster toolbar with the Download button highlighted.' },
    {
      id: 'choose-and-download',
      target: 'roster-download-form',
      title: 'Choose and download',
      body: 'Choose which members, the As of day, the format and the columns, then choose Download. The dialog closes when the file is saved.',
      action: { kind: 'read' },
      imageAlt: 'The Download the roster dialog with the members, As of, format and column choices.',
    },
  ],
};
