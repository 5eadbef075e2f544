import { describe, expect, it } from 'vitest';
import type { HelpTutorial as Tutorial } from '@shared/help/tutorial-format';
import { searchTutorials } from './search-tutorials';

const tutorial = (id: string, title: string, summary: string, keywords: string[], area: Tutorial['area'] = 'Members'): Tutorial => ({
  id,
  title,
  summary,
  area,
  keywords,
  article: ['An article.'],
  needs: 'none',
  startRoute: '/members',
  steps: [{ id: 'open-members', target: 'nav-members', title: 'Open Members', body: 'Choose Members.', action: { kind: 'read' }, imageAlt: 'The navigation.' }],
});

const all = [
  tutorial('pay', 'Pay an invoice', 'Pay the amount due from a bank account.', ['ACH', 'payment'], 'Billing'),
  tutorial('enroll', 'Enroll an employee', 'Add a new hire to the plan.', ['new hire', 'subscriber', 'first invoice']),
  tutorial('cards', 'Request ID cards', 'Order new member ID cards by mail.', ['lost card', 'réplacement']),
];
const ids = (query: string) => searchTutorials(all, query).map((t) => t.id);

describe('searching the tutorials', () => {
  it('lists every tutorial in its order when nothing is typed', () => {
    expect(ids('')).toEqual(['pay', 'enroll', 'cards']);
    expect(ids('   ')).toEqual(['pay', 'enroll', 'cards']);
  });

  it('matches the title, the summary, the keywords and the area, whatever the case and accents', () => {
    expect(ids('ENROLL')).toEqual(['enroll']);
    expect(ids('bank account')).toEqual(['pay']);
    expect(ids('lost')).toEqual(['cards']);
    expect(ids('replacement')).toEqual(['cards']);
    expect(ids('billing')).toEqual(['pay']);
  });

  it('needs every word to match, and ranks a title match above a keyword match, and that above a summary match', () => {
    expect(ids('new card')).toEqual(['cards']);
    expect(ids('invoice')).toEqual(['pay', 'enroll']);
    expect(ids('new')).toEqual(['enroll', 'cards']);
    expect(ids('enroll payment')).toEqual([]);
  });
});
