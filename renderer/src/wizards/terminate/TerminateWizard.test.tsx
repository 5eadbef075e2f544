import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../test-support/render-app';
import { fakeWizardCore } from '../test-support/fake-wizard-calls';

// The plan's day is 2026-11-27: the retro window opens 2026-09-01.
beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T15:00:00Z') }));
afterEach(() => vi.useRealTimers());

// The fixture's eighth subscriber: Hiro Haddad, active, family tier (a spouse and two children).
const subscriberId = '100234008';
const next = (user: ReturnType<typeof userEvent.setup>) => user.click(screen.getByRole('button', { name: 'Next' }));

async function open(path: string, fake = fakeWizardCore('terminate', [subscriberId])) {
  const user = userEvent.setup();
  const view = renderApp(path, fake);
  await screen.findByRole('heading', { level: 1, name: 'Terminate coverage' });
  await screen.findByRole('heading', { level: 2, name: /Reason and date/ });
  return { ...view, user };
}

describe('Terminate wizard', () => {
  it('says what is missing, and refuses a date before the retro window with the rule spelled out', async () => {
    const { user } = await open(`/members/${subscriberId}/terminate`);
    expect(screen.getByText(/Coverage ends on the last day of the month of this date/)).toHaveTextContent(
      'The earliest date you can use is 09/01/2026: retroactive changes are limited to the current month and the two before it.',
    );
    await next(user);
    const summary = await screen.findByRole('alert');
    expect(within(summary).getByRole('link', { name: 'Choose why coverage ends' })).toBeInTheDocument();
    expect(within(summary).getByRole('link', { name: 'Enter the date of the event (for example the last day worked)' })).toBeInTheDocument();

    await user.type(screen.getByLabelText('Date of the event'), '2026-07-31');
    await user.tab();
    const date = screen.getByLabelText('Date of the event');
    await waitFor(() =>
      expect(date).toHaveAccessibleDescription(expect.stringContaining('Termination date must be on or after 09/01/2026: retroactive changes are limited to the current month and the two before it.')),
    );
    expect(date).toHaveAttribute('aria-invalid', 'true');
    // A refused date has no last covered day: only a date the rules accept shows one.
    expect(screen.queryByText(/^Coverage ends/)).not.toBeInTheDocument();
    await user.clear(date);
    await user.type(date, '2026-09-01');
    expect(await screen.findByText('Coverage ends 09/30/2026.')).toBeInTheDocument();
  });

  it('offers a subscriber the subscriber reasons and a dependent the dependent ones', async () => {
    const first = await open(`/members/${subscriberId}/terminate`);
    const forSubscriber = within(screen.getByRole('combobox', { name: 'Reason' })).getAllByRole('option').map((o) => o.textContent);
    expect(forSubscriber).toContain('Retirement');
    expect(forSubscriber).not.toContain('Divorce');
    first.unmount();

    await open(`/members/${subscriberId}-01/terminate`);
    const forSpouse = within(screen.getByRole('combobox', { name: 'Reason' })).getAllByRole('option').map((o) => o.textContent);
    expect(forSpouse).toContain('Divorce');
    expect(forSpouse).not.toContain('Retirement');
  });

  it('lists the dependents that end with the subscriber, notes COBRA, and sends exactly the termination', async () => {
    const { user, transport } = await open(`/members/${subscriberId}/terminate`);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Reason' }), 'termination_of_employment');
    await user.type(screen.getByLabelText('Date of the event'), '2026-11-13');
    expect(await screen.findByText('Coverage ends 11/30/2026.')).toBeInTheDocument();
    expect(screen.getByRole('note', { name: 'COBRA' })).toHaveTextContent('Termination of employment is a COBRA qualifying event: the member may continue coverage for up to 18 months.');
    await next(user);

    await screen.findByRole('heading', { level: 2, name: /Review/ });
    const termination = screen.getByRole('region', { name: 'Termination' });
    expect(termination).toHaveTextContent('ReasonTermination of employmentDate');
    expect(termination).toHaveTextContent('11/13/2026');
    expect(termination).toHaveTextContent('Coverage ends11/30/2026');
    const family = within(screen.getByRole('region', { name: 'Dependents whose coverage ends with theirs' })).getAllByRole('listitem');
    expect(family).toHaveLength(3);
    for (const item of family) expect(item).toHaveTextContent(/coverage ends 11\/30\/2026$/);
    expect(family[0]).toHaveTextContent(`${subscriberId}-01 · Spouse`);

    await user.click(screen.getByRole('button', { name: 'Submit termination' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Termination submitted' })).toBeInTheDocument();
    expect(screen.getByText("Hiro Haddad's coverage ends 11/30/2026, with 3 dependents.")).toBeInTheDocument();
    expect(transport.callsTo('transactions.submit')).toEqual([
      {
        groupNumber: '100234',
        draftId: 41,
        transaction: { kind: 'terminate', request: { memberId: subscriberId, reason: 'termination_of_employment', requestedDate: '2026-11-13' } },
      },
    ]);
    expect(transport.callsTo('drafts.save').at(-1)).toMatchObject({ wizard: 'terminate', memberId: subscriberId, data: { reason: 'termination_of_employment', requestedDate: '2026-11-13' }, secrets: {} });
  });

  it('puts the plan’s refusal back on the date, and corrects a rejected termination with ?replaces=', async () => {
    const fake = fakeWizardCore('terminate', [subscriberId]);
    fake.on('transactions.submit', () => ({
      ok: false,
      error: { code: 'RULE', message: 'Termination date must be on or after 2024-01-01, when this coverage began.', fields: { terminationDate: 'Before the coverage began' } },
    }));
    fake.on('drafts.get', (input) => ({
      ok: true,
      value: { id: input.id, wizard: 'terminate', groupNumber: '100234', memberId: subscriberId, step: 'review', data: { reason: 'retirement', requestedDate: '2026-10-02' }, secrets: {}, transactionId: 3, updatedAt: '2026-11-27T15:00:00.000Z' },
    }));
    const user = userEvent.setup();
    renderApp(`/members/${subscriberId}/terminate?draft=12&replaces=3`, fake);
    // The draft opens where it was left: on the review.
    expect(await screen.findByRole('heading', { level: 2, name: /Review/ })).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Termination' })).toHaveTextContent('ReasonRetirementDate');

    await user.click(screen.getByRole('button', { name: 'Submit termination' }));
    await screen.findByRole('heading', { level: 2, name: /Reason and date/ });
    const summary = await screen.findByRole('alert');
    // The plan's date is data; the screen shows it in its one format.
    expect(summary).toHaveTextContent('Termination date must be on or after 01/01/2024, when this coverage began.');
    expect(screen.getByLabelText('Date of the event')).toHaveValue('2026-10-02');
    expect(screen.getByLabelText('Date of the event')).toHaveAccessibleDescription(expect.stringContaining('Before the coverage began'));
    expect(fake.callsTo('transactions.submit')[0]).toMatchObject({ draftId: 12, replaces: 3 });
  });

  it('shows the tier and premium the rest of the family keeps when one dependent ends', async () => {
    const { user, transport } = await open(`/members/${subscriberId}-01/terminate`);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Reason' }), 'divorce');
    await user.type(screen.getByLabelText('Date of the event'), '2026-12-04');
    // Divorce gives the ex-spouse 36 months of COBRA.
    expect(await screen.findByRole('note', { name: 'COBRA' })).toHaveTextContent('COBRA: up to 36 months');
    await next(user);
    await screen.findByRole('heading', { level: 2, name: /Review/ });
    expect(screen.queryByRole('region', { name: 'Dependents whose coverage ends with theirs' })).not.toBeInTheDocument();
    // A family of subscriber, spouse and two children becomes subscriber and children: FAM → ECH.
    const after = await screen.findByRole('region', { name: 'The rest of the family' });
    expect(after).toHaveTextContent('TierFAM → ECH · Employee + child(ren), from the day after 12/31/2026');
    expect(after).toHaveTextContent('Monthly premium$1,714.55 → $1,102.21');
    await user.click(screen.getByRole('button', { name: 'Submit termination' }));
    await screen.findByRole('heading', { level: 1, name: 'Termination submitted' });
    expect(transport.callsTo('transactions.submit')[0]?.transaction).toEqual({ kind: 'terminate', request: { memberId: `${subscriberId}-01`, reason: 'divorce', requestedDate: '2026-12-04' } });
  });

  it('does not offer a second termination or one for a member who has ended', async () => {
    // The fixture's sixth subscriber is terminated.
    renderApp('/members/100234006/terminate', fakeWizardCore('terminate'));
    expect(await screen.findByRole('heading', { name: /Terminate coverage: not possible for/ })).toBeInTheDocument();
    expect(screen.getByText('Coverage ended 06/30/2026. A terminated member is read-only.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('link', { name: 'Back to the member' })).toHaveAttribute('href', '/members/100234006'));
    expect(screen.getByRole('link', { name: 'Reinstate coverage' })).toHaveAttribute('href', '/members/100234006/reinstate');
  });
});
