import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MethodInput } from '@shared/contract';
import { renderApp } from '../../test-support/render-app';
import { fakeWizardCore, updatedAt } from '../test-support/fake-wizard-calls';

type User = ReturnType<typeof userEvent.setup>;

const acceptedItem = {
  id: 7,
  groupNumber: '100234',
  kind: 'enroll' as const,
  status: 'accepted' as const,
  summary: 'Enroll Rosa Alvarez with 2 dependents',
  memberIds: ['100234181'],
  confirmationNumber: 'TX-20261127-0000042',
  error: null,
  attempts: 1,
  createdBy: 'sandbox.admin',
  createdAt: updatedAt,
  updatedAt,
  sentAt: updatedAt,
  resolvedAt: updatedAt,
  draftId: null,
  replacedBy: null,
  replaces: null,
  hasDocument: false,
  batch: null,
  request: {},
};

const fakeWithDrafts = () => fakeWizardCore('enroll', ['NEW-7', 'NEW-7-01', 'NEW-7-02']);

async function type(user: User, label: string | RegExp, value: string, scope: HTMLElement = document.body) {
  const input = within(scope).getByLabelText(label);
  await user.clear(input);
  await user.type(input, value);
}

/** Focus moves in an effect after the render that shows the element. */
const focused = (el: HTMLElement) => waitFor(() => expect(el).toHaveFocus());
/** Field messages come from an asynchronous resolver: wait for them. */
const described = (el: HTMLElement, message: string | RegExp) => waitFor(() => expect(el).toHaveAccessibleDescription(message));
const next = (user: User) => user.click(screen.getByRole('button', { name: 'Next' }));
const stepHeading = (name: RegExp) => screen.findByRole('heading', { level: 2, name });

async function fillPerson(user: User) {
  await type(user, 'First name', 'Rosa');
  await type(user, 'Last name', 'Alvarez');
  await type(user, 'Date of birth', '1988-04-12');
  await user.click(screen.getByRole('radio', { name: 'Female' }));
  await type(user, /^Social Security number/, '412-55-6789');
}

async function fillContact(user: User) {
  await type(user, 'Street address', '12 Pier Road');
  await type(user, 'City', 'Oakland');
  await user.selectOptions(screen.getByLabelText('State'), 'CA');
  await type(user, 'ZIP code', '94607');
  await type(user, /^Phone/, '(510) 555-0100');
}

async function fillEmployment(user: User) {
  await type(user, 'Hire date', '2026-11-02');
  await user.click(screen.getByRole('radio', { name: 'Full time' }));
  await type(user, /^Employee class/, ' Union Local 12 ');
}

async function toCoverage(user: User) {
  await fillPerson(user);
  await next(user);
  await stepHeading(/Address and contact/);
  await fillContact(user);
  await next(user);
  await stepHeading(/Employment/);
  await fillEmployment(user);
  await next(user);
  await stepHeading(/Coverage/);
}

/** The wizard's error summary (other parts of the app may raise alerts of their own). */
const summary = () => screen.findByRole('alert', { name: /Check these before going on|This could not be submitted/ });

beforeEach(() => {
  // Only the clock: the plan's day is 2026-11-27, timers stay real for user events and autosave.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-27T12:00:00.000Z'));
});
afterEach(() => vi.useRealTimers());

describe('Enroll an employee', () => {
  it('enrolls a family: offered start date with its reason, review with tier and premium, exact request, queued screen', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = fakeWithDrafts();
    renderApp('/enroll', fake);
    await focused(await stepHeading(/Personal details/));
    expect(screen.getByRole('navigation', { name: 'Steps' }).querySelector('[aria-current="step"]')).toHaveTextContent('Personal details');
    await toCoverage(user);
    await focused(screen.getByRole('heading', { level: 2, name: /Coverage/ }));

    // Hired 11/02/2026 with a 60-day wait → 01/01/2027 (fixture policy).
    expect(screen.getByText(/waiting period is 60 days after the hire date \(11\/02\/2026\), ending 01\/01\/2027/)).toBeInTheDocument();
    const starts = screen.getByRole('group', { name: 'Coverage starts' });
    expect(within(starts).getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['2027-01-01', '2027-02-01', '2027-03-01', '2027-04-01']);
    await user.click(screen.getByRole('radio', { name: /Gold HMO 20/ }));
    await user.click(within(starts).getByRole('radio', { name: /01\/01\/2027/ }));
    await next(user);

    await stepHeading(/Dependents/);
    await user.click(screen.getByRole('button', { name: 'Add spouse or domestic partner' }));
    const partner = screen.getByRole('group', { name: 'Spouse or domestic partner' });
    await focused(within(partner).getByLabelText('First name'));
    await type(user, 'First name', 'Luis', partner);
    await type(user, 'Last name', 'Alvarez', partner);
    await type(user, 'Date of birth', '1986-02-01', partner);
    await user.click(within(partner).getByRole('radio', { name: 'Male' }));
    await type(user, /^Social Security number/, '487654321', partner);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Add spouse or domestic partner' })).not.toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: 'Add child' }));
    const child = screen.getByRole('group', { name: 'Child 1' });
    await type(user, 'First name', 'Ana', child);
    await type(user, 'Last name', 'Alvarez', child);
    await type(user, 'Date of birth', '2015-06-30', child);
    await user.click(within(child).getByRole('radio', { name: 'Female' }));
    await next(user);

    await stepHeading(/Review and submit/);
    const cost = screen.getByRole('group', { name: 'Coverage and cost' });
    expect(cost).toHaveTextContent('FAM · Family');
    expect(cost).toHaveTextContent('$1,714.55');
    expect(cost).toHaveTextContent('Gold HMO 20');
    expect(screen.getByText('***-**-6789')).toBeInTheDocument();
    expect(screen.getByText('***-**-4321')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/412-?55-?6789|487654321/);
    expect(screen.getByRole('region', { name: 'Dependent 2: Child' })).toHaveTextContent('Not given');
    expect(screen.getByText('Employee class').nextElementSibling).toHaveTextContent(/^Union Local 12$/);

    await user.click(screen.getByRole('button', { name: 'Submit enrollment' }));
    await focused(await screen.findByRole('heading', { level: 1, name: 'Enrollment submitted' }));
    expect(screen.getByText(/^Waiting to send: GroupDesk sends it to the plan as soon as it is online/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See it in Activity' })).toHaveAttribute('href', '/activity?id=7');
    // The new employee, provisional until the plan numbers them, is one click away.
    expect(screen.getByText(/^Member ID/)).toHaveTextContent('Member ID NEW-7 (provisional: the plan gives the real ID when it accepts the enrollment)');
    expect(screen.getByRole('link', { name: 'Open Rosa Alvarez' })).toHaveAttribute('href', '/members/NEW-7');

    // The status follows the transaction as the core reports it.
    const queued = fake.callsTo('transactions.get').length;
    fake.on('transactions.get', (input) => ({
      ok: true,
      value: { ...acceptedItem, id: input.id },
    }));
    fake.emit({ type: 'activity.changed', groupNumber: '100234' });
    expect(await screen.findByText(/Accepted by the plan\. Confirmation number/)).toHaveTextContent('TX-20261127-0000042');
    expect(screen.getByText(/^Member ID/)).toHaveTextContent(/^Member ID 100234181$/);
    expect(screen.getByRole('link', { name: 'Open Rosa Alvarez' })).toHaveAttribute('href', '/members/100234181');
    expect(fake.callsTo('transactions.get').length).toBeGreaterThan(queued);

    const [submitted] = fake.callsTo('transactions.submit');
    expect(submitted).toEqual({
      groupNumber: '100234',
      draftId: 41,
      transaction: {
        kind: 'enroll',
        request: {
          subscriber: {
            firstName: 'Rosa',
            middleName: null,
            lastName: 'Alvarez',
            suffix: null,
            dateOfBirth: '1988-04-12',
            gender: 'F',
            ssn: '412556789',
            address: { line1: '12 Pier Road', city: 'Oakland', state: 'CA', zip: '94607' },
            phone: '(510) 555-0100',
            email: null,
            hireDate: '2026-11-02',
            employmentStatus: 'FT',
            employeeClass: 'Union Local 12',
          },
          planCode: 'HMO-GOLD',
          effectiveDate: '2027-01-01',
          dependents: [
            { firstName: 'Luis', middleName: null, lastName: 'Alvarez', suffix: null, dateOfBirth: '1986-02-01', gender: 'M', ssn: '487654321', relationship: 'spouse', disabled: false },
            { firstName: 'Ana', middleName: null, lastName: 'Alvarez', suffix: null, dateOfBirth: '2015-06-30', gender: 'F', ssn: null, relationship: 'child', disabled: false },
          ],
        },
      },
    } satisfies MethodInput<'transactions.submit'>);

    await user.click(screen.getByRole('button', { name: 'Enroll another' }));
    expect(await stepHeading(/Personal details/)).toBeInTheDocument();
    expect(screen.getByLabelText('First name')).toHaveValue('');
  });

  it('says what is missing on each step, as the user leaves a field and in the summary on Next', async () => {
    const user = userEvent.setup({ delay: null });
    renderApp('/enroll', fakeWithDrafts());
    await stepHeading(/Personal details/);
    await next(user);
    const personal = await summary();
    await focused(personal);
    for (const message of ['Enter the first name', 'Enter the last name', 'Enter the date of birth', 'Choose a gender', 'Enter the Social Security number']) {
      expect(within(personal).getByRole('link', { name: message })).toBeInTheDocument();
    }
    await user.click(within(personal).getByRole('link', { name: 'Enter the last name' }));
    await focused(screen.getByLabelText('Last name'));
    // After a failed Next a fixed field clears at once, without waiting for the user to leave it.
    await user.click(screen.getByRole('radio', { name: 'Male' }));
    // The resolver answers asynchronously: wait for the message to go.
    await waitFor(() => expect(within(personal).queryByRole('link', { name: 'Choose a gender' })).not.toBeInTheDocument());

    await type(user, 'First name', 'R0sa');
    await user.tab();
    await described(screen.getByLabelText('First name'), 'Use letters, spaces, apostrophes, hyphens or periods');
    await type(user, /^Suffix/, 'J9');
    await user.tab();
    await described(screen.getByLabelText(/^Suffix/), /Use letters and periods \(Jr\., III\)/);
    await type(user, 'Date of birth', '2027-01-05');
    await user.tab();
    await described(screen.getByLabelText('Date of birth'), 'The date of birth cannot be after today (11/27/2026).');
    await type(user, /^Social Security number/, '12345');
    await user.tab();
    await described(screen.getByLabelText(/^Social Security number/), 'An SSN is 9 digits');
    expect(screen.getByLabelText(/^Social Security number/)).toHaveAttribute('data-masked', 'true');
    expect(screen.getByLabelText(/^Social Security number/)).toHaveAttribute('autocomplete', 'off');
    await user.click(screen.getByRole('button', { name: 'Show Social Security number' }));
    expect(screen.getByRole('button', { name: 'Show Social Security number' })).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByLabelText(/^Social Security number/)).not.toHaveAttribute('data-masked');

    await fillPerson(user);
    await type(user, /^Suffix/, 'Jr.');
    await next(user);
    await stepHeading(/Address and contact/);
    await next(user);
    const contact = await summary();
    for (const message of ['Enter the street address', 'Enter the city', 'Choose the state', 'Enter the ZIP code']) {
      expect(within(contact).getByRole('link', { name: message })).toBeInTheDocument();
    }
    await type(user, 'ZIP code', '946');
    await type(user, /^Phone/, 'call me');
    await type(user, /^E-mail/, 'rosa@');
    await user.tab();
    await described(screen.getByLabelText('ZIP code'), 'Use a 5-digit ZIP or ZIP+4');
    await described(screen.getByLabelText(/^Phone/), 'This is not a phone number: enter one like 412-555-0140');
    await described(screen.getByLabelText(/^E-mail/), 'This is not an e-mail address: enter one like name@example.com');
    await fillContact(user);
    await user.clear(screen.getByLabelText(/^E-mail/));
    await next(user);

    await stepHeading(/Employment/);
    await next(user);
    const employment = await summary();
    expect(within(employment).getByRole('link', { name: 'Enter the hire date' })).toBeInTheDocument();
    expect(within(employment).getByRole('link', { name: 'Choose full time or part time' })).toBeInTheDocument();
    // Optional, but only in words an 834 can carry.
    const employeeClass = screen.getByLabelText(/^Employee class/);
    expect(employeeClass).toHaveAccessibleDescription(/As your plan contract names it, like Salaried, Hourly or Union/);
    await type(user, /^Employee class/, 'Hourly*2');
    await user.tab();
    await described(employeeClass, /Use letters, digits, spaces or \. , & ' - \//);
    await fillEmployment(user);
    await next(user);

    await stepHeading(/Coverage/);
    await next(user);
    const coverage = await summary();
    expect(within(coverage).getByRole('link', { name: 'Choose a plan' })).toBeInTheDocument();
    expect(within(coverage).getByRole('link', { name: 'Choose when coverage starts' })).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: /Silver PPO 1500/ }));
    await user.click(screen.getByRole('radio', { name: /01\/01\/2027/ }));
    await next(user);

    await stepHeading(/Dependents/);
    await user.click(screen.getByRole('button', { name: 'Add child' }));
    // A new row is empty, not wrong: it says nothing until Next, or until a field is left.
    const added = screen.getByRole('group', { name: 'Child 1' });
    await focused(within(added).getByLabelText('First name'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(within(added).queryByText('Enter the first name')).not.toBeInTheDocument();
    expect(within(added).getByLabelText('Last name')).not.toHaveAttribute('aria-invalid');
    await next(user);
    const dependents = await summary();
    for (const message of ['Enter the first name', 'Enter the last name', 'Enter the date of birth', 'Choose a gender']) {
      expect(within(dependents).getByRole('link', { name: message })).toBeInTheDocument();
    }
    expect(within(dependents).queryByRole('link', { name: /Social Security/ })).not.toBeInTheDocument();
    const child = screen.getByRole('group', { name: 'Child 1' });
    await type(user, 'First name', 'Tom', child);
    await type(user, 'Last name', 'Alvarez', child);
    await user.click(within(child).getByRole('radio', { name: 'Male' }));
    // 26 by 2000-06-30: covered only through 2026-06-30, before the 2027-01-01 start.
    await type(user, 'Date of birth', '2000-06-15', child);
    await user.tab();
    const dob = within(child).getByLabelText('Date of birth');
    expect(dob).toHaveAttribute('min', '2001-01-01');
    await described(dob, /Tom Alvarez is 26 on 06\/15\/2026: children are covered to the end of the month they turn 26, so through 06\/30\/2026, and coverage on 01\/01\/2027 is past that/);
    await user.click(within(child).getByRole('checkbox', { name: /Disabled/ }));
    expect(dob).not.toHaveAttribute('min');
    await next(user);
    expect(await stepHeading(/Review and submit/)).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Coverage and cost' })).toHaveTextContent('ECH · Employee + child(ren)');
    expect(screen.getByRole('group', { name: 'Coverage and cost' })).toHaveTextContent('$1,102.21');
  });

  it('refuses an SSN never issued and a ZIP code of another state at their fields, and warns about an unlikely age without stopping', async () => {
    const user = userEvent.setup({ delay: null });
    renderApp('/enroll', fakeWithDrafts());
    await stepHeading(/Personal details/);
    await fillPerson(user);
    const dob = screen.getByLabelText('Date of birth');
    await type(user, 'Date of birth', '2016-05-01');
    await user.tab();
    await described(dob, 'This makes the employee 10 today, younger than 14: check the year of birth.');
    expect(dob).not.toHaveAttribute('aria-invalid');
    const ssn = screen.getByLabelText(/^Social Security number/);
    await type(user, /^Social Security number/, '123-45-6789');
    await user.tab();
    await described(ssn, "123-45-6789 is a sample number printed on forms and ads, not anyone's SSN: enter the number on the card");
    await type(user, /^Social Security number/, '000-12-3456');
    await user.tab();
    await described(ssn, 'No SSN starts with 000: check the number on the card');
    await next(user);
    const personal = await summary();
    expect(within(personal).getAllByRole('link').map((link) => link.textContent)).toEqual(['No SSN starts with 000: check the number on the card']);

    await type(user, /^Social Security number/, '412-55-6789');
    await next(user);
    await stepHeading(/Address and contact/);
    await type(user, 'Street address', '12 Main St');
    await type(user, 'City', 'Washington');
    await user.selectOptions(screen.getByLabelText('State'), 'PA');
    await type(user, 'ZIP code', '75001');
    await user.tab();
    await described(screen.getByLabelText('ZIP code'), "75001 is a Texas ZIP code, not Pennsylvania's");
    await next(user);
    const contact = await summary();
    await user.click(within(contact).getByRole('link', { name: "75001 is a Texas ZIP code, not Pennsylvania's" }));
    await focused(screen.getByLabelText('ZIP code'));
    await type(user, 'ZIP code', '15301');
    await next(user);
    expect(await stepHeading(/Employment/)).toBeInTheDocument();
  });

  it('autosaves a draft as the user types, with the full SSN only in secrets', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = fakeWithDrafts();
    renderApp('/enroll', fake);
    await stepHeading(/Personal details/);
    await fillPerson(user);
    await waitFor(() => expect(fake.callsTo('drafts.save').at(-1)?.data).toMatchObject({ subscriber: { lastName: 'Alvarez', gender: 'F' } }));
    const saved = fake.callsTo('drafts.save').at(-1);
    expect(saved).toMatchObject({ groupNumber: '100234', wizard: 'enroll', step: 'person', secrets: { 'subscriber.ssn': '412-55-6789' } });
    expect(JSON.stringify(saved?.data)).not.toContain('6789');
    expect(await screen.findByText(/Draft saved/)).toBeInTheDocument();
    // Later saves update the same draft.
    await type(user, /^Middle name/, 'Maria');
    await waitFor(() => expect(fake.callsTo('drafts.save').at(-1)?.data).toMatchObject({ subscriber: { middleName: 'Maria' } }));
    expect(fake.callsTo('drafts.save').at(-1)?.id).toBe(41);
    await next(user);
    await stepHeading(/Address and contact/);
    await waitFor(() => expect(fake.callsTo('drafts.save').at(-1)?.step).toBe('contact'));
  });

  it('resumes a draft at its step with its values and SSN restored', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = fakeWithDrafts();
    fake.on('drafts.get', (input) => ({
      ok: true,
      value: {
        id: input.id,
        wizard: 'enroll',
        groupNumber: '100234',
        memberId: null,
        step: 'coverage',
        data: {
          subscriber: {
            firstName: 'Rosa',
            middleName: '',
            lastName: 'Alvarez',
            suffix: '',
            dateOfBirth: '1988-04-12',
            gender: 'F',
            ssn: '',
            address: { line1: '12 Pier Road', line2: '', city: 'Oakland', state: 'CA', zip: '94607' },
            phone: '',
            email: '',
            hireDate: '2026-11-02',
            employmentStatus: 'PT',
          },
          planCode: 'PPO-SILVER',
          // Before the waiting period ends: the plan's own message shows once the user tries to go on.
          effectiveDate: '2026-12-01',
          dependents: [],
        },
        secrets: { 'subscriber.ssn': '412556789' },
        transactionId: null,
        updatedAt,
      },
    }));
    renderApp('/enroll?draft=41', fake);
    expect(await stepHeading(/Coverage/)).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Silver PPO 1500/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: /12\/01\/2026/ })).toBeChecked();
    await next(user);
    const problems = await summary();
    expect(within(problems).getByRole('link', { name: "Effective date must be on or after 01/01/2027: the group's waiting period is 60 days after the hire date 11/02/2026." })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Back' }));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await user.click(screen.getByRole('button', { name: 'Back' }));
    await stepHeading(/Personal details/);
    expect(screen.getByLabelText('First name')).toHaveValue('Rosa');
    expect(screen.getByLabelText(/^Social Security number/)).toHaveValue('412556789');
    expect(fake.callsTo('drafts.get')).toEqual([{ groupNumber: '100234', id: 41 }]);
  });

  it('asks a late hire why they can enroll now and offers only the dates that reason allows', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = fakeWithDrafts();
    fake.on('drafts.get', (input) => ({
      ok: true,
      value: {
        id: input.id,
        wizard: 'enroll',
        groupNumber: '100234',
        memberId: null,
        step: 'coverage',
        data: {
          subscriber: {
            firstName: 'Jordan',
            middleName: '',
            lastName: 'Price',
            suffix: '',
            dateOfBirth: '1988-04-12',
            gender: 'F',
            ssn: '',
            address: { line1: '12 Pier Road', line2: '', city: 'Oakland', state: 'CA', zip: '94607' },
            phone: '',
            email: '',
            hireDate: '2025-01-06',
            employmentStatus: 'FT',
          },
          planCode: 'PPO-SILVER',
          effectiveDate: '',
          dependents: [],
        },
        secrets: { 'subscriber.ssn': '412556789' },
        transactionId: null,
        updatedAt,
      },
    }));
    renderApp('/enroll?draft=41', fake);
    expect(await stepHeading(/Coverage/)).toBeInTheDocument();
    // The group waits 60 days, then gives 30 to enroll; today (2026-11-27) is in open enrollment.
    expect(
      screen.getByText('Jordan was hired on 01/06/2025: the first enrollment window closed on 04/06/2025. Enroll for a qualifying event, or during open enrollment (open now until 11/30/2026, for coverage from 01/01/2027).'),
    ).toBeInTheDocument();
    const offered = () => [...document.querySelectorAll<HTMLInputElement>('input[name="effectiveDate"]')].map((r) => r.value);
    expect(offered()).toEqual([]);
    await next(user);
    expect(within(await summary()).getByRole('link', { name: 'Choose why this employee can enroll now' })).toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: /During open enrollment/ }));
    expect(offered()).toEqual(['2027-01-01']);

    await user.click(screen.getByRole('radio', { name: /For a qualifying event/ }));
    expect(screen.getByLabelText('Qualifying event')).toBeInTheDocument();
    expect(offered()).toEqual([]);

    // A marriage in time gives its date and no exception to ask for.
    await user.selectOptions(screen.getByLabelText('Qualifying event'), 'marriage');
    await type(user, 'Date of the event', '2026-11-10');
    await user.tab();
    expect(offered()).toEqual(['2026-12-01']);
    expect(screen.queryByRole('button', { name: 'Request an exception' })).toBeNull();

    // Months ago, the window is closed: the plan would refuse it, but may still allow it if asked.
    const sent: MethodInput<'exceptions.request'>[] = [];
    fake.on('exceptions.request', (input) => {
      sent.push(input);
      const { groupNumber, ...request } = input;
      return {
        ok: true,
        value: { ...request, memberId: null, referenceNumber: 'EX-20261127-0000043', groupNumber, requestedBy: 'sandbox.admin', ruleCode: request.rule.code, ruleMessage: request.rule.message, status: 'open', createdAt: '2026-11-27T12:00:00.000Z' },
      };
    });
    await user.clear(screen.getByLabelText('Date of the event'));
    await type(user, 'Date of the event', '2026-09-01');
    await user.tab();
    expect(screen.getByText('The window for this event closed on 10/01/2026 (30 days after the event).')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Request an exception' }));
    const dialog = await screen.findByRole('dialog', { name: 'Request an exception' });
    expect(dialog).toHaveTextContent('Marriage on 09/01/2026 was more than 30 days ago');
    await user.type(within(dialog).getByLabelText('Note to the plan'), 'Jordan was on leave when the marriage certificate came.');
    await user.click(within(dialog).getByRole('button', { name: 'Send to the plan' }));
    expect(await within(dialog).findByText('EX-20261127-0000043')).toBeInTheDocument();
    expect(sent).toEqual([
      {
        groupNumber: '100234',
        memberId: null,
        changeKind: 'enroll',
        input: { employee: 'Jordan Price', hireDate: '2025-01-06', planCode: 'PPO-SILVER', eventKind: 'marriage', eventDate: '2026-09-01', requestDate: '2026-11-27' },
        rule: { code: 'qualifying_event_window', message: expect.stringMatching(/^Marriage on 2026-09-01 was more than 30 days ago/) },
        note: 'Jordan was on leave when the marriage certificate came.',
      },
    ]);
  });

  it('puts the plan’s refusal on the field it names and resends as a correction', async () => {
    const user = userEvent.setup({ delay: null });
    const fake = fakeWithDrafts();
    const message = 'This family already has a spouse: only one spouse or domestic partner can be covered. Terminate the current one first if the family has changed.';
    fake.on('transactions.submit', () => ({ ok: false, error: { code: 'RULE', message, fields: { 'transaction.request.subscriber.ssn': 'A subscriber with this SSN is already enrolled' } } }));
    renderApp('/enroll?replaces=5', fake);
    await stepHeading(/Personal details/);
    await toCoverage(user);
    await user.click(screen.getByRole('radio', { name: /Gold HMO 20/ }));
    await user.click(screen.getByRole('radio', { name: /01\/01\/2027/ }));
    await next(user);
    await stepHeading(/Dependents/);
    await next(user);
    await stepHeading(/Review and submit/);
    await user.click(screen.getByRole('button', { name: 'Submit enrollment' }));

    expect(await stepHeading(/Personal details/)).toBeInTheDocument();
    const problems = await summary();
    await focused(problems);
    expect(problems).toHaveTextContent('This could not be submitted');
    expect(problems).toHaveTextContent(message);
    expect(within(problems).getByRole('link', { name: 'A subscriber with this SSN is already enrolled' })).toBeInTheDocument();
    await described(screen.getByLabelText(/^Social Security number/), 'A subscriber with this SSN is already enrolled');
    expect(fake.callsTo('transactions.submit')[0]).toMatchObject({ replaces: 5, draftId: 41 });
  });
});
