import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MethodInput } from '@shared/contract';
import { renderApp } from '../../test-support/render-app';
import { makeMembers } from '../../test-support/fixtures';
import { fakeWizardCore, updatedAt } from '../test-support/fake-wizard-calls';

type User = ReturnType<typeof userEvent.setup>;

// Fixture families (test/fixtures.ts): 100234001 is covered alone on Gold HMO 20 since 2024-01-01 (EMP);
// 100234002 has a spouse (ESP); 100234002-01 is that spouse; 100234006 is terminated.
const fake = () => fakeWizardCore('add_dependent', ['NEW-7']);

async function type(user: User, label: string | RegExp, value: string) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  await user.type(input, value);
}

/** Focus moves in an effect after the render that shows the element. */
const focused = (el: HTMLElement) => waitFor(() => expect(el).toHaveFocus());
/** Field messages come from an asynchronous resolver: wait for them. */
const described = (el: HTMLElement, message: string | RegExp) => waitFor(() => expect(el).toHaveAccessibleDescription(message));
const next = (user: User) => user.click(screen.getByRole('button', { name: 'Next' }));
const stepHeading = (name: RegExp) => screen.findByRole('heading', { level: 2, name });
/** The wizard's error summary (other parts of the app may raise alerts of their own). */
const summary = () => screen.findByRole('alert', { name: /Check these before going on|This could not be submitted/ });

async function chooseEvent(user: User, relationship: string, event: string, date: string) {
  await user.selectOptions(screen.getByLabelText('Relationship to the employee'), relationship);
  await user.click(screen.getByRole('radio', { name: new RegExp(`^${event}`) }));
  await type(user, 'Date of the event', date);
}

beforeEach(() => {
  // Only the clock: the plan's day is 2026-11-27, timers stay real for user events and autosave.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-27T12:00:00.000Z'));
});
afterEach(() => vi.useRealTimers());

describe('Add a dependent', () => {
  it('adds a newborn from the date of birth: start date explained, tier and premium change, exact request, queued', async () => {
    const user = userEvent.setup({ delay: null });
    const core = fake();
    renderApp('/members/100234001/add-dependent', core);
    await focused(await stepHeading(/Relationship and event/));
    await chooseEvent(user, 'child', 'Birth', '2026-11-20');
    expect(screen.getByText(/Request by 12\/20\/2026 \(30 days after the event\)/)).toBeInTheDocument();
    expect(screen.getByText(/Coverage would start 11\/20\/2026: newborns and adopted or placed children are covered from the event date/)).toBeInTheDocument();
    await next(user);

    await stepHeading(/Dependent’s details/);
    expect(screen.getByLabelText('Date of birth')).toHaveValue('2026-11-20');
    await type(user, 'First name', 'Mia');
    await type(user, 'Last name', 'Adams');
    await user.click(screen.getByRole('radio', { name: 'Female' }));
    await next(user);

    await stepHeading(/Review and submit/);
    const cost = screen.getByRole('group', { name: 'Tier and premium' });
    expect(cost).toHaveTextContent('EMP → ECH · Employee + child(ren)');
    expect(cost).toHaveTextContent('$612.34 → $1,102.21');
    expect(cost).toHaveTextContent('+$489.87 a month');
    expect(screen.getByRole('region', { name: 'Event' })).toHaveTextContent('Coverage starts11/20/2026');

    await user.click(screen.getByRole('button', { name: 'Submit dependent' }));
    await focused(await screen.findByRole('heading', { level: 1, name: 'Dependent submitted' }));
    expect(screen.getByText(/^Waiting to send: GroupDesk sends it to the plan as soon as it is online/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See it in Activity' })).toHaveAttribute('href', '/activity?id=7');
    expect(core.callsTo('transactions.submit')).toEqual([
      {
        groupNumber: '100234',
        draftId: 41,
        transaction: {
          kind: 'add_dependent',
          request: {
            subscriberId: '100234001',
            dependent: { firstName: 'Mia', middleName: null, lastName: 'Adams', suffix: null, dateOfBirth: '2026-11-20', gender: 'F', ssn: null, relationship: 'child', disabled: false },
            event: { kind: 'birth', date: '2026-11-20' },
          },
        },
      } satisfies MethodInput<'transactions.submit'>,
    ]);
  });

  it('enforces the special-enrollment window and the event’s rules with the plan’s messages', async () => {
    const user = userEvent.setup({ delay: null });
    renderApp('/members/100234001/add-dependent', fake());
    await stepHeading(/Relationship and event/);
    await next(user);
    const empty = await summary();
    for (const message of ['Choose the relationship', 'Choose the event', 'Enter the date of the event']) expect(within(empty).getByRole('link', { name: message })).toBeInTheDocument();

    await chooseEvent(user, 'spouse', 'Marriage', '2026-09-01');
    await user.tab();
    const date = screen.getByLabelText('Date of the event');
    await described(date, 'Marriage on 09/01/2026 was more than 30 days before this request (11/27/2026): a change for this event must be requested within 30 days. Otherwise wait for open enrollment or ask the plan for an exception.');
    expect(screen.getByText(/The window for this event closed on 10\/01\/2026/)).toBeInTheDocument();
    expect(screen.queryByText(/Coverage would start/)).not.toBeInTheDocument();

    await type(user, 'Date of the event', '2026-12-05');
    await user.tab();
    await described(date, "The event date 12/05/2026 is after today's request date 11/27/2026: submit the change on or after the event.");

    // An event that cannot add this relationship (Marriage stays listed because it is chosen).
    await user.selectOptions(screen.getByLabelText('Relationship to the employee'), 'child');
    await type(user, 'Date of the event', '2026-11-10');
    await next(user);
    expect(within(await summary()).getByRole('link', { name: 'Marriage can add a spouse or stepchild, not a child: choose the event that applies to this dependent.' })).toBeInTheDocument();

    // Loss of other coverage: covered from the 1st of next month, so a 26-year-old child is past the limit.
    await user.click(screen.getByRole('radio', { name: /^Loss of other coverage/ }));
    expect(screen.getByText(/Coverage would start 12\/01\/2026: the first of the month after this request/)).toBeInTheDocument();
    await next(user);
    await stepHeading(/Dependent’s details/);
    await type(user, 'First name', 'Sam');
    await type(user, 'Last name', 'Adams');
    await user.click(screen.getByRole('radio', { name: 'Male' }));
    // Covered from 12/01/2026, a child's date picker offers no birth date before 12/01/2000.
    expect(screen.getByLabelText('Date of birth')).toHaveAttribute('min', '2000-12-01');
    await type(user, 'Date of birth', '2000-01-15');
    await next(user);
    expect(within(await summary()).getByRole('link', { name: /^Sam Adams is 26 on 01\/15\/2026: children are covered to the end of the month they turn 26, so through 01\/31\/2026, and coverage on 12\/01\/2026 is past that/ })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: /Disabled/ }));
    // A disabled child has no age limit, so no earliest birth date either.
    expect(screen.getByLabelText('Date of birth')).not.toHaveAttribute('min');
    await next(user);
    expect(await stepHeading(/Review and submit/)).toBeInTheDocument();
  });

  it('offers to ask the plan for an exception when the window has closed, and sends the note with the refused change', async () => {
    const user = userEvent.setup({ delay: null });
    const transport = fake();
    const sent: MethodInput<'exceptions.request'>[] = [];
    let online = false;
    transport.on('exceptions.request', (input) => {
      if (!online) return { ok: false, error: { code: 'OFFLINE', message: 'The plan cannot be reached now.' } };
      sent.push(input);
      const { groupNumber, ...request } = input;
      return {
        ok: true,
        value: { ...request, memberId: request.memberId ?? null, referenceNumber: 'EX-20261127-0000042', groupNumber, requestedBy: 'sandbox.admin', ruleCode: request.rule.code, ruleMessage: request.rule.message, status: 'open', createdAt: '2026-11-27T12:00:00.000Z' },
      };
    });
    renderApp('/members/100234001/add-dependent', transport);
    await stepHeading(/Relationship and event/);
    await chooseEvent(user, 'spouse', 'Marriage', '2026-11-10');
    await user.tab();
    expect(screen.queryByRole('button', { name: 'Request an exception' })).toBeNull();

    await type(user, 'Date of the event', '2026-09-01');
    await user.tab();
    await user.click(await screen.findByRole('button', { name: 'Request an exception' }));
    const dialog = await screen.findByRole('dialog', { name: 'Request an exception' });
    expect(dialog).toHaveTextContent('Marriage on 09/01/2026 was more than 30 days before this request');
    await user.click(within(dialog).getByRole('button', { name: 'Send to the plan' }));
    const note = within(dialog).getByLabelText('Note to the plan');
    await waitFor(() => expect(note).toHaveFocus());
    expect(note).toHaveAccessibleDescription(expect.stringContaining('Write the plan a note saying why an exception is fair.'));
    expect(note).toHaveAttribute('maxlength', '1000');

    await user.type(note, 'The marriage certificate arrived from the county only this week.');
    await user.click(within(dialog).getByRole('button', { name: 'Send to the plan' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('You are offline, so the request was not sent. Your note is still here');
    expect(note).toHaveValue('The marriage certificate arrived from the county only this week.');

    online = true;
    await user.click(within(dialog).getByRole('button', { name: 'Send to the plan' }));
    expect(await within(dialog).findByText('EX-20261127-0000042')).toBeInTheDocument();
    expect(sent).toEqual([
      {
        groupNumber: '100234',
        memberId: '100234001',
        changeKind: 'add_dependent',
        input: { relationship: 'spouse', eventKind: 'marriage', eventDate: '2026-09-01', requestDate: '2026-11-27' },
        rule: { code: 'qualifying_event_window', message: expect.stringMatching(/^Marriage on 2026-09-01 .* ask the plan for an exception\.$/) },
        note: 'The marriage certificate arrived from the county only this week.',
      },
    ]);
    await user.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('checks a newborn’s birth date against the event and one spouse per family', async () => {
    const user = userEvent.setup({ delay: null });
    renderApp('/members/100234002/add-dependent', fake());
    await stepHeading(/Relationship and event/);
    expect(screen.getByText(/This family already has a spouse or domestic partner covered/)).toBeInTheDocument();
    await chooseEvent(user, 'domestic_partner', 'Domestic partnership', '2026-11-15');
    await next(user);
    expect(within(await summary()).getByRole('link', { name: /This family already has a spouse: only one spouse or domestic partner can be covered/ })).toBeInTheDocument();

    await chooseEvent(user, 'child', 'Birth', '2026-11-20');
    await next(user);
    await stepHeading(/Dependent’s details/);
    await type(user, 'Date of birth', '2026-11-19');
    await user.tab();
    await described(screen.getByLabelText('Date of birth'), "For a birth, the event date is the child's date of birth (11/19/2026): newborns are covered from birth.");
  });

  it('autosaves against the subscriber with the SSN in secrets, and resumes at the saved step', async () => {
    const user = userEvent.setup({ delay: null });
    const core = fake();
    const first = renderApp('/members/100234001/add-dependent', core);
    await stepHeading(/Relationship and event/);
    await chooseEvent(user, 'adopted_child', 'Adoption', '2026-11-02');
    await next(user);
    await stepHeading(/Dependent’s details/);
    await type(user, /^Social Security number/, '321-54-9876');
    await waitFor(() => expect(core.callsTo('drafts.save').at(-1)?.secrets).toEqual({ 'dependent.ssn': '321-54-9876' }));
    const saved = core.callsTo('drafts.save').at(-1);
    expect(saved).toMatchObject({ wizard: 'add_dependent', memberId: '100234001', step: 'person', data: { event: { kind: 'adoption', date: '2026-11-02' }, dependent: { relationship: 'adopted_child', ssn: '' } } });
    first.unmount();

    const resumed = fake();
    resumed.on('drafts.get', (input) => ({
      ok: true,
      value: { id: input.id, wizard: 'add_dependent', groupNumber: '100234', memberId: '100234001', step: saved?.step ?? '', data: saved?.data ?? {}, secrets: saved?.secrets ?? {}, transactionId: null, updatedAt },
    }));
    renderApp('/members/100234001/add-dependent?draft=41', resumed);
    expect(await stepHeading(/Dependent’s details/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^Social Security number/)).toHaveValue('321-54-9876');
    await user.click(screen.getByRole('button', { name: 'Back' }));
    expect(screen.getByRole('radio', { name: /^Adoption/ })).toBeChecked();
    expect(screen.getByLabelText('Date of the event')).toHaveValue('2026-11-02');
  });

  it('shows the plan’s refusal on the field it names', async () => {
    const user = userEvent.setup({ delay: null });
    const core = fake();
    const message = 'Birth on 2026-11-20 was more than 30 days before this request (2026-12-28): a change for this event must be requested within 30 days. Otherwise wait for open enrollment or ask the plan for an exception.';
    core.on('transactions.submit', () => ({ ok: false, error: { code: 'RULE', message, fields: { 'event.eventDate': message } } }));
    renderApp('/members/100234001/add-dependent', core);
    await stepHeading(/Relationship and event/);
    await chooseEvent(user, 'child', 'Birth', '2026-11-20');
    await next(user);
    await stepHeading(/Dependent’s details/);
    await type(user, 'First name', 'Mia');
    await type(user, 'Last name', 'Adams');
    await user.click(screen.getByRole('radio', { name: 'Female' }));
    await next(user);
    await stepHeading(/Review and submit/);
    await user.click(screen.getByRole('button', { name: 'Submit dependent' }));
    expect(await stepHeading(/Relationship and event/)).toBeInTheDocument();
    expect(await summary()).toHaveTextContent('This could not be submitted');
    // The plan writes its dates as data; the field shows them in the screen's one format.
    await described(screen.getByLabelText('Date of the event'), message.replace('2026-11-20', '11/20/2026').replace('2026-12-28', '12/28/2026'));
  });

  it('starts a newborn’s coverage no earlier than a pending subscriber’s own', async () => {
    const user = userEvent.setup({ delay: null });
    // 100234004's coverage starts 2026-12-01 (pending) and the family has a spouse and two children (FAM).
    renderApp('/members/100234004/add-dependent', fake());
    await stepHeading(/Relationship and event/);
    await chooseEvent(user, 'child', 'Birth', '2026-11-20');
    expect(screen.getByText(/Coverage would start 12\/01\/2026, when the employee’s own coverage starts/)).toBeInTheDocument();
  });

  it('refuses a start after the subscriber’s coverage ends', async () => {
    const user = userEvent.setup({ delay: null });
    const core = fake();
    const subscriber = makeMembers(100234, 1)[0]?.detail;
    if (!subscriber) throw new Error('fixture has no subscriber');
    core.on('members.get', () => ({ ok: true, value: { ...subscriber, terminationDate: '2026-11-30' } }));
    renderApp(`/members/${subscriber.memberId}/add-dependent`, core);
    await stepHeading(/Relationship and event/);
    await chooseEvent(user, 'spouse', 'Marriage', '2026-11-14');
    await user.tab();
    await described(screen.getByLabelText('Date of the event'), `Employee ${subscriber.memberId} has no coverage on 12/01/2026: reinstate the employee before adding dependents.`);
  });

  it('explains why a dependent or a terminated subscriber cannot take a new dependent', async () => {
    renderApp('/members/100234002-01/add-dependent', fake());
    expect(await screen.findByText(/100234002-01 is a dependent: add the new dependent to employee 100234002/)).toBeInTheDocument();
  });

  it('refuses a terminated subscriber', async () => {
    renderApp('/members/100234006/add-dependent', fake());
    expect(await screen.findByText(/reinstate the employee before adding dependents/)).toBeInTheDocument();
  });
});
