import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../test-support/render-app';
import { fakeWizardCore } from '../test-support/fake-wizard-calls';

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T15:00:00Z') }));
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

type User = ReturnType<typeof userEvent.setup>;

// Hiro Haddad (subscriber, active) and his spouse; the sixth subscriber's coverage has ended.
const subscriber = '100234008';
const spouse = '100234008-01';
const next = (user: User) => user.click(screen.getByRole('button', { name: 'Next' }));
const step = (name: RegExp) => screen.findByRole('heading', { level: 2, name });
const chosen = () => within(screen.getByRole('list', { name: /gets? a new card$/ })).getAllByRole('listitem');

async function open(path: string, fake = fakeWizardCore('id_cards', [subscriber, spouse])) {
  const user = userEvent.setup();
  const view = renderApp(path, fake);
  await step(/Members/);
  return { ...view, user };
}

describe('ID-card wizard', () => {
  it('requests cards for the members it was opened with, then offers the printable request form', async () => {
    const { user, transport } = await open(`/id-cards?members=${subscriber},${spouse}`);
    await waitFor(() => expect(chosen().map((li) => li.textContent)).toEqual([`Haddad, Hiro ${subscriber} · EmployeeActiveRemove`, expect.stringMatching(new RegExp(`^\\w+, \\w+ ${spouse} · SpouseActiveRemove$`))]));
    expect(screen.getByRole('heading', { level: 3, name: 'These 2 members get a new card' })).toBeInTheDocument();
    await next(user);

    await step(/Reason and shipping/);
    await next(user);
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((l) => l.textContent)).toEqual(['Choose why new cards are needed', 'Choose where to send the cards']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Reason' }), 'damaged');
    await user.click(screen.getByRole('radio', { name: /To the member's home address/ }));
    await next(user);

    await step(/Review/);
    expect(screen.getByRole('region', { name: 'Request' })).toHaveTextContent('ReasonDamagedShipTo the member\'s home addressCards2');
    await user.click(screen.getByRole('button', { name: 'Submit request' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'ID-card request submitted' })).toBeInTheDocument();
    expect(screen.getByText("2 cards (damaged), shipped to the member's home address.")).toBeInTheDocument();
    expect(transport.callsTo('transactions.submit')).toEqual([
      { groupNumber: '100234', draftId: 41, transaction: { kind: 'id_cards', request: { memberIds: [subscriber, spouse], reason: 'damaged', shipTo: 'member' } } },
    ]);

    transport.on('transactions.document', (input) => ({ ok: true, value: { fileName: `id-card-request-100234-${input.id}.pdf`, contentType: 'application/pdf', base64: btoa('%PDF-1.7 test') } }));
    const created: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:form';
    });
    URL.revokeObjectURL = vi.fn();
    const clicks: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this);
    });
    await user.click(screen.getByRole('button', { name: 'Print the request form' }));
    expect(await screen.findByText('Saved id-card-request-100234-7.pdf to your downloads: open it to print it or keep it with your records.')).toBeInTheDocument();
    expect(transport.callsTo('transactions.document')).toEqual([{ groupNumber: '100234', id: 7 }]);
    expect(clicks.map((a) => [a.download, a.getAttribute('href')])).toEqual([['id-card-request-100234-7.pdf', 'blob:form']]);
    expect(created[0]?.type).toBe('application/pdf');
    expect(await created[0]?.text()).toBe('%PDF-1.7 test');
  });

  it('needs at least one member, found by search and removable again', async () => {
    const { user } = await open('/id-cards');
    expect(screen.getByText('No one yet: find members below.')).toBeInTheDocument();
    await next(user);
    expect(within(await screen.findByRole('alert')).getByRole('link', { name: 'Choose at least one member' })).toBeInTheDocument();

    await user.type(screen.getByRole('combobox', { name: 'Add a member' }), 'Haddad');
    const found = await screen.findByRole('listbox', { name: 'Members found' });
    await user.click(within(found).getByRole('option', { name: `Add Haddad, Hiro ${subscriber} · Employee` }));
    expect(chosen().map((li) => li.textContent)).toEqual([`Haddad, Hiro ${subscriber} · EmployeeActiveRemove`]);
    await waitFor(() => expect(screen.queryByText('Choose at least one member')).not.toBeInTheDocument());
    // Someone already on the list is not offered again.
    expect(screen.queryByRole('option', { name: new RegExp(`Add Haddad, Hiro ${subscriber}`) })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Remove Haddad, Hiro' }));
    expect(screen.getByText('No one yet: find members below.')).toBeInTheDocument();
  });

  it('adds the highlighted member with Enter, chosen with the arrows, and stays on the step', async () => {
    const { user } = await open('/id-cards');
    const search = screen.getByRole('combobox', { name: 'Add a member' });
    await user.type(search, 'Haddad');
    const options = within(await screen.findByRole('listbox', { name: 'Members found' })).getAllByRole('option');
    expect(options.length).toBeGreaterThan(1);
    const nameOf = (option: HTMLElement | undefined) => /^Add (.+?) \d/.exec(option?.textContent ?? '')?.[1];
    // The first result is highlighted until the arrows move on.
    expect(options[0]).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowDown}');
    expect(search).toHaveAttribute('aria-activedescendant', options[1]?.id);
    await user.keyboard('{Enter}');
    expect(chosen().map((li) => li.textContent)).toEqual([expect.stringContaining(nameOf(options[1]) ?? 'no name')]);
    expect(search).toHaveFocus();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(chosen()).toHaveLength(2);
    expect(screen.getByRole('combobox', { name: 'Add a member' })).toBeInTheDocument();
  });

  it('refuses members whose coverage ended and IDs that are not in the group', async () => {
    const { user } = await open('/id-cards?members=100234006,999999999');
    await waitFor(() => expect(chosen()[1]).toHaveTextContent('999999999 (not in this group)'));
    await next(user);
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent(
      'Not members of this group: 999999999. Remove them from the list. Cards are issued only to covered members; coverage has ended for Farid Fischer. Remove them from the list.',
    );
    await user.click(screen.getByRole('button', { name: 'Remove 999999999 (not in this group)' }));
    await user.click(screen.getByRole('button', { name: 'Remove Fischer, Farid' }));
    await waitFor(() => expect(within(screen.getByRole('alert')).getByRole('link', { name: 'Choose at least one member' })).toBeInTheDocument());
  });

  it('says why the request form could not be made', async () => {
    const fake = fakeWizardCore('id_cards', [subscriber]);
    fake.on('drafts.get', (input) => ({
      ok: true,
      value: { id: input.id, wizard: 'id_cards', groupNumber: '100234', memberId: subscriber, step: 'review', data: { memberIds: [subscriber], reason: 'lost', shipTo: 'employer' }, secrets: {}, transactionId: null, updatedAt: '2026-11-27T15:00:00.000Z' },
    }));
    fake.on('transactions.document', () => ({ ok: false, error: { code: 'NOT_FOUND', message: 'Transaction #7 is not on this computer.' } }));
    const user = userEvent.setup();
    renderApp('/id-cards?draft=5', fake);
    await step(/Review/);
    expect(screen.getByRole('region', { name: 'Request' })).toHaveTextContent("ReasonLostShipTo the employer's addressCards1");
    await user.click(screen.getByRole('button', { name: 'Submit request' }));
    await user.click(await screen.findByRole('button', { name: 'Print the request form' }));
    expect(await screen.findByText('The form could not be made: Transaction #7 is not on this computer.')).toBeInTheDocument();
    expect(fake.callsTo('transactions.submit')[0]).toMatchObject({ draftId: 5, transaction: { kind: 'id_cards', request: { memberIds: [subscriber], reason: 'lost', shipTo: 'employer' } } });
  });

  it('opens from a member’s page with that member on the list', async () => {
    const user = userEvent.setup();
    renderApp(`/members/${subscriber}`, fakeWizardCore('id_cards', [subscriber]));
    await user.click(await screen.findByRole('link', { name: 'Request ID card' }));
    await step(/Members/);
    await waitFor(() => expect(chosen().map((li) => li.textContent)).toEqual([`Haddad, Hiro ${subscriber} · EmployeeActiveRemove`]));
    expect(screen.getByRole('heading', { level: 3, name: 'This member gets a new card' })).toBeInTheDocument();
  });
});
