import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../test-support/render-app';
import { fakeWizardCore } from '../test-support/fake-wizard-calls';

// The plan's day is 2026-11-27: the retro window opens 2026-09-01.
beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T15:00:00Z') }));
afterEach(() => vi.useRealTimers());

type User = ReturnType<typeof userEvent.setup>;

// The fixture's eighth subscriber: Hiro Haddad, born 1967-08-17, SSN ending 0259, (510) 555-0142, full time.
const memberId = '100234008';
const next = (user: User) => user.click(screen.getByRole('button', { name: 'Next' }));
const step = (name: RegExp) => screen.findByRole('heading', { level: 2, name });
const described = (label: string | RegExp, message: string) => waitFor(() => expect(screen.getByLabelText(label)).toHaveAccessibleDescription(expect.stringContaining(message)));

async function retype(user: User, label: string | RegExp, value: string) {
  const input = screen.getByLabelText(label);
  await user.clear(input);
  if (value !== '') await user.type(input, value);
}

async function open(path = `/members/${memberId}/demographics`, fake = fakeWizardCore('update_demographics', [memberId])) {
  const user = userEvent.setup();
  const view = renderApp(path, fake);
  await step(/Name and identity/);
  return { ...view, user };
}

describe('Update demographics wizard', () => {
  it('starts from the record and sends only the fields that differ', async () => {
    const { user, transport } = await open();
    expect(screen.getByLabelText('First name')).toHaveValue('Hiro');
    expect(screen.getByLabelText(/^Corrected Social Security number/)).toHaveValue('');
    expect(screen.getByLabelText(/^Corrected Social Security number/)).toHaveAccessibleDescription(expect.stringContaining('On file: ***-**-0259.'));
    await next(user);

    await step(/Address, contact and employment/);
    expect(screen.getByLabelText('Street address')).toHaveValue('1200 Harbor Way');
    await retype(user, 'Street address', '44 Bay Street');
    await retype(user, /^Phone/, '(510) 555-0199');
    await next(user);

    await step(/Why and when/);
    const changed = screen.getByRole('table', { name: 'What changes' });
    expect(within(changed).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'FieldOn fileNew',
      'Address1200 Harbor Way, Oakland, CA 9460744 Bay Street, Oakland, CA 94607',
      'Phone(510) 555-0142(510) 555-0199',
    ]);
    expect(screen.getByLabelText('Effective date')).toHaveValue('2026-11-27');
    await user.click(screen.getByRole('radio', { name: /A change in the member’s life/ }));
    await next(user);

    await step(/Review/);
    expect(screen.getByRole('region', { name: 'Why and when' })).toHaveTextContent('Sent asA change in the member’s life');
    await user.click(screen.getByRole('button', { name: 'Submit changes' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Changes submitted' })).toBeInTheDocument();
    expect(screen.getByText("2 fields of Hiro Haddad's record, changed from 11/27/2026.")).toBeInTheDocument();
    expect(transport.callsTo('transactions.submit')).toEqual([
      {
        groupNumber: '100234',
        draftId: 41,
        transaction: {
          kind: 'update_demographics',
          request: {
            memberId,
            changes: { address: { line1: '44 Bay Street', city: 'Oakland', state: 'CA', zip: '94607' }, phone: '(510) 555-0199' },
            effectiveDate: '2026-11-27',
            correction: false,
            // The family entered "Same as the employee" follows unless the user unchecks them.
            moveDependents: [`${memberId}-01`, `${memberId}-02`],
          },
        },
      },
    ]);
  });

  it('asks who moves with the employee, one choice per dependent who shared the old address, and sends exactly that', async () => {
    const { user, transport } = await open();
    await next(user);
    await step(/Address, contact and employment/);
    expect(screen.queryByRole('group', { name: 'Who moves with Hiro?' })).toBeNull();
    await retype(user, 'Street address', '44 Bay Street');
    const who = await screen.findByRole('group', { name: 'Who moves with Hiro?' });
    const boxes = within(who).getAllByRole('checkbox');
    expect(boxes.map((b) => [b.closest('label')?.textContent, (b as HTMLInputElement).checked])).toEqual([
      [expect.stringMatching(/\(spouse\)Lives with the employee \(same address\)$/), true],
      [expect.stringMatching(/\(child\)Lives with the employee \(same address\)$/), true],
      [expect.stringMatching(/\(child\)Had the same address, entered as their own$/), false],
    ]);
    const [spouse, , third] = boxes as [HTMLElement, HTMLElement, HTMLElement];
    const names = boxes.map((b) => b.closest('label')?.textContent?.replace(/ \(.*$/, ''));
    await user.click(spouse);
    await user.click(third);
    await next(user);
    await step(/Why and when/);
    await user.click(screen.getByRole('radio', { name: /A change in the member’s life/ }));
    await next(user);
    await step(/Review/);
    const review = screen.getByRole('region', { name: 'Who moves' });
    expect(review).toHaveTextContent(`Moving with the employee${names[1] ?? ''}, ${names[2] ?? ''}`);
    expect(review).toHaveTextContent(`Keeping the old address${names[0] ?? ''}`);
    await user.click(screen.getByRole('button', { name: 'Submit changes' }));
    await screen.findByRole('heading', { level: 1, name: 'Changes submitted' });
    expect(transport.callsTo('transactions.submit')[0]?.transaction).toMatchObject({
      kind: 'update_demographics',
      request: { memberId, changes: { address: { line1: '44 Bay Street' } }, moveDependents: [`${memberId}-02`, `${memberId}-03`] },
    });
  });

  it("changes the subscriber's employee class, sending only that", async () => {
    const { user, transport } = await open();
    await next(user);
    await step(/Address, contact and employment/);
    expect(screen.getByLabelText(/^Employee class/)).toHaveValue('Salaried');
    await retype(user, /^Employee class/, 'Union Local 12');
    await next(user);
    await step(/Why and when/);
    expect(within(screen.getByRole('table', { name: 'What changes' })).getAllByRole('row').map((r) => r.textContent)).toEqual([
      'FieldOn fileNew',
      'Employee classSalariedUnion Local 12',
    ]);
    await user.click(screen.getByRole('radio', { name: /A change in the member’s life/ }));
    await next(user);
    await step(/Review/);
    await user.click(screen.getByRole('button', { name: 'Submit changes' }));
    await screen.findByRole('heading', { level: 1, name: 'Changes submitted' });
    expect(transport.callsTo('transactions.submit')[0]?.transaction).toEqual({
      kind: 'update_demographics',
      request: { memberId, changes: { employeeClass: 'Union Local 12' }, effectiveDate: '2026-11-27', correction: false },
    });
  });

  it('says what is wrong with each field as the user leaves it', async () => {
    const { user } = await open();
    await retype(user, 'First name', '');
    await user.tab();
    await described('First name', 'Enter the first name');
    await retype(user, 'Last name', 'Haddad*');
    await user.tab();
    await described('Last name', 'Use letters, spaces, apostrophes, hyphens or periods');
    await retype(user, 'Date of birth', '2027-01-05');
    await user.tab();
    await described('Date of birth', 'The date of birth cannot be after today (11/27/2026).');
    await user.type(screen.getByLabelText(/^Corrected Social Security number/), '12345');
    await user.tab();
    await described(/^Corrected Social Security number/, 'An SSN is 9 digits');
    await next(user);
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((l) => l.textContent)).toEqual([
      'Enter the first name',
      'Use letters, spaces, apostrophes, hyphens or periods',
      'The date of birth cannot be after today (11/27/2026).',
      'An SSN is 9 digits',
    ]);

    await retype(user, 'First name', 'Hiro');
    await retype(user, 'Last name', 'Haddad');
    await retype(user, 'Date of birth', '1967-08-17');
    await retype(user, /^Corrected Social Security number/, '');
    await next(user);
    await step(/Address, contact and employment/);
    await retype(user, 'ZIP code', '9460');
    await retype(user, /^E-mail/, 'hiro.haddad@');
    await retype(user, /^Phone/, 'call me');
    await retype(user, 'City', '');
    await retype(user, /^Employee class/, 'Hourly ~ 2');
    await next(user);
    await described(/^Employee class/, "Use letters, digits, spaces or . , & ' - /");
    await described('ZIP code', 'Use a 5-digit ZIP or ZIP+4');
    await described(/^E-mail/, 'This is not an e-mail address: enter one like name@example.com');
    await described(/^Phone/, 'This is not a phone number: enter one like 412-555-0140');
    await described('City', 'Enter the city');
  });

  it("warns, without stopping, when a corrected birth date makes the employee unlikely on the hire date, and refuses a ZIP code of another state", async () => {
    const { user } = await open();
    // Hired 2019-03-18: born 1910 makes him 109 then.
    await retype(user, 'Date of birth', '1910-02-01');
    await user.tab();
    await described('Date of birth', 'This makes the employee 109 on the hire date (03/18/2019), older than 100: check the year of birth.');
    expect(screen.getByLabelText('Date of birth')).not.toHaveAttribute('aria-invalid');
    await next(user);

    await step(/Address, contact and employment/);
    await user.selectOptions(screen.getByLabelText('State'), 'PA');
    await next(user);
    const problems = await screen.findByRole('alert', { name: /Check these before going on/ });
    expect(within(problems).getByRole('link', { name: "94607 is a California ZIP code, not Pennsylvania's" })).toBeInTheDocument();
    await described('ZIP code', "94607 is a California ZIP code, not Pennsylvania's");
  });

  it('does not warn about the age of a dependent', async () => {
    const { user } = await open(`/members/${memberId}-01/demographics`);
    await retype(user, 'Date of birth', '1910-02-01');
    await user.tab();
    await waitFor(() => expect(screen.getByLabelText('Date of birth')).toHaveAccessibleDescription('Only a correction can change it.'));
  });

  it('needs something to change, a reason for it, and a date inside the retro window', async () => {
    const { user } = await open();
    await next(user);
    await step(/Address/);
    await next(user);
    await step(/Why and when/);
    expect(screen.getByText('Nothing yet: every field is as on file.')).toBeInTheDocument();
    await retype(user, 'Effective date', '2026-08-31');
    await next(user);
    const summary = await screen.findByRole('alert');
    expect(within(summary).getAllByRole('link').map((l) => l.textContent)).toEqual([
      'Nothing is different from the record yet: go back and change at least one field.',
      'Choose whether this is a change or a correction',
      'Effective date must be on or after 09/01/2026: retroactive changes are limited to the current month and the two before it.',
    ]);
    // The summary's first link leads to the list of changes.
    await user.click(within(summary).getAllByRole('link')[0] as HTMLElement);
    expect(screen.getByRole('region', { name: 'What changes' })).toHaveFocus();
  });

  it('marks a corrected date of birth and SSN as a correction, and keeps the SSN out of the draft data', async () => {
    const { user, transport } = await open();
    await retype(user, 'Date of birth', '1967-08-07');
    await user.type(screen.getByLabelText(/^Corrected Social Security number/), '412-55-6789');
    await next(user);
    await step(/Address/);
    await next(user);
    await step(/Why and when/);
    const changed = screen.getByRole('table', { name: 'What changes' });
    expect(changed).toHaveTextContent('Date of birth08/17/196708/07/1967');
    // The full number is never shown back, only its last four.
    expect(changed).toHaveTextContent('SSN***-**-0259***-**-6789');
    expect(screen.queryByText(/412-55-6789|412556789/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('radio', { name: /A change in the member’s life/ }));
    await next(user);
    const why = screen.getByRole('group', { name: 'Why is this changing?' });
    await waitFor(() => expect(why).toHaveAccessibleDescription('A date of birth or SSN can only be corrected: choose “A correction: the record was wrong”.'));
    await user.click(screen.getByRole('radio', { name: /A correction: the record was wrong/ }));
    await next(user);
    await step(/Review/);
    await user.click(screen.getByRole('button', { name: 'Submit changes' }));
    await screen.findByRole('heading', { level: 1, name: 'Changes submitted' });

    expect(transport.callsTo('transactions.submit')[0]?.transaction).toEqual({
      kind: 'update_demographics',
      request: { memberId, changes: { dateOfBirth: '1967-08-07', ssn: '412556789' }, effectiveDate: '2026-11-27', correction: true },
    });
    const saved = transport.callsTo('drafts.save');
    expect(saved.length).toBeGreaterThan(0);
    for (const s of saved) expect(JSON.stringify(s.data)).not.toContain('6789');
    expect(saved.at(-1)?.secrets).toEqual({ 'changes.ssn': '412-55-6789' });
  });

  it('takes the plan’s refusal back to the field it names', async () => {
    const fake = fakeWizardCore('update_demographics', [memberId]);
    fake.on('transactions.submit', () => ({
      ok: false,
      error: { code: 'RULE', message: 'Another subscriber in this group has this SSN.', fields: { 'transaction.request.changes.ssn': 'Already on another subscriber' } },
    }));
    const { user } = await open(undefined, fake);
    await user.type(screen.getByLabelText(/^Corrected Social Security number/), '412556789');
    await next(user);
    await step(/Address/);
    await next(user);
    await step(/Why and when/);
    await user.click(screen.getByRole('radio', { name: /A correction/ }));
    await next(user);
    await step(/Review/);
    await user.click(screen.getByRole('button', { name: 'Submit changes' }));
    await step(/Name and identity/);
    expect(await screen.findByRole('alert')).toHaveTextContent('Another subscriber in this group has this SSN.');
    await described(/^Corrected Social Security number/, 'Already on another subscriber');
    expect(screen.getByLabelText(/^Corrected Social Security number/)).toHaveValue('412556789');
  });

  it('asks a dependent no employment question, and keeps a terminated member read-only', async () => {
    const first = await open(`/members/${memberId}-01/demographics`);
    await next(first.user);
    await step(/^Step 2 of 4: Address and contact$/);
    expect(screen.queryByRole('group', { name: 'Employment status' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText(/^Employee class/)).not.toBeInTheDocument();
    first.unmount();

    renderApp('/members/100234006/demographics', fakeWizardCore('update_demographics'));
    expect(await screen.findByText('Coverage ended 06/30/2026: a terminated member is read-only. Reinstate the member first.')).toBeInTheDocument();
  });
});
