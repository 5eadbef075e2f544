import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MethodInput } from '@shared/contract';
import type { BulkOutcome } from '@shared/contract/schemas/transaction';
import { renderApp } from '../../../test-support/render-app';
import { useRosterSelection } from '../selection-store';

const initialSelection = useRosterSelection.getState();
beforeEach(() => {
  useRosterSelection.setState(initialSelection, true);
  // The retro window counts from the plan's day: 2026-11-27 allows dates from 2026-09-01.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T15:00:00Z') });
});
afterEach(() => vi.useRealTimers());

const theGrid = () => screen.getByRole('grid', { name: 'Members' });
const rowAt = (rowIndex: number) => within(theGrid()).getAllByRole('row').find((r) => r.getAttribute('aria-rowindex') === String(rowIndex)) as HTMLElement;
const cellText = (row: HTMLElement, i: number) => within(row).getAllByRole('gridcell')[i]?.textContent ?? '';

type BulkInput = MethodInput<'transactions.bulk'>;

/** Opens the roster and ticks the first `count` rows with the keyboard. */
async function selectRows(count: number) {
  const user = userEvent.setup();
  const view = renderApp('/members');
  await waitFor(() => expect(cellText(rowAt(2), 1)).toMatch(/,/));
  act(() => rowAt(2).focus());
  await user.keyboard(' ' + '{ArrowDown} '.repeat(count - 1));
  await waitFor(() => expect(useRosterSelection.getState().rows.size).toBe(count));
  const picked = [...useRosterSelection.getState().rows.values()];
  return { ...view, user, picked };
}

function outcomes(input: BulkInput, each: (memberId: string, i: number) => Partial<BulkOutcome>): BulkOutcome[] {
  return input.action.memberIds.map((memberId, i) => ({ memberId, name: `Member ${i + 1}`, outcome: 'ok', message: null, coverageEnds: null, ...each(memberId, i) }));
}

describe('Bulk terminate from the roster', () => {
  it('says what is missing or outside the retro window before asking the core anything', async () => {
    const { user, transport } = await selectRows(2);
    await user.click(screen.getByRole('button', { name: 'Terminate…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Terminate 2 members' });
    expect(await within(dialog).findByText(/Coverage ends on the last day of the month of this date/)).toHaveTextContent(
      'The earliest date you can use is 09/01/2026: retroactive changes are limited to the current month and the two before it.',
    );

    await user.click(within(dialog).getByRole('button', { name: 'Check what will happen' }));
    const problems = await within(dialog).findByRole('alert', { name: 'Check these before going on' });
    expect(within(problems).getAllByRole('link').map((a) => a.textContent)).toEqual(['Choose why coverage ends', 'Enter the date of the event (for example the last day worked)']);
    expect(within(dialog).getByRole('combobox', { name: 'Reason' })).toHaveAttribute('aria-invalid', 'true');

    const date = within(dialog).getByLabelText('Date of the event');
    await user.type(date, '2026-08-15');
    await user.tab();
    await waitFor(() =>
      expect(date).toHaveAccessibleDescription(expect.stringContaining('Termination date must be on or after 09/01/2026: retroactive changes are limited to the current month and the two before it.')),
    );
    // A refused date has no last covered day beside it.
    expect(within(dialog).queryByText(/Coverage ends \d/)).not.toBeInTheDocument();
    expect(transport.callsTo('transactions.bulk')).toEqual([]);
  });

  it('dry-runs first, shows what would happen to each member, then queues and points to Activity', async () => {
    const { user, transport, picked } = await selectRows(3);
    const ids = picked.map((r) => r.memberId);
    transport.on('transactions.bulk', (input) => ({
      ok: true,
      value: {
        dryRun: input.dryRun,
        queued: input.dryRun ? [] : [41, 42],
        items: outcomes(input, (_id, i) =>
          i === 1
            ? { outcome: 'skipped', message: 'Ends with the subscriber selected with it.', coverageEnds: '2026-11-30' }
            : i === 2
              ? { outcome: 'problem', message: 'Termination date must be on or after 2024-01-01, when this coverage began.' }
              : { coverageEnds: '2026-11-30' },
        ),
      },
    }));
    await user.click(screen.getByRole('button', { name: 'Terminate…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Terminate 3 members' });
    await user.selectOptions(await within(dialog).findByRole('combobox', { name: 'Reason' }), 'layoff');
    await user.type(within(dialog).getByLabelText('Date of the event'), '2026-11-13');
    // A layoff is a COBRA qualifying event (18 months); the fixture group has more than 20 subscribers.
    expect(await within(dialog).findByRole('note', { name: 'COBRA' })).toHaveTextContent('COBRA: up to 18 months');
    await user.click(within(dialog).getByRole('button', { name: 'Check what will happen' }));

    const review = await within(dialog).findByRole('heading', { name: 'Check before sending' });
    await waitFor(() => expect(review).toHaveFocus());
    expect(transport.callsTo('transactions.bulk')).toEqual([
      { groupNumber: '100234', dryRun: true, action: { kind: 'terminate', memberIds: ids, reason: 'layoff', requestedDate: '2026-11-13' } },
    ]);
    expect(within(dialog).getByRole('list')).toHaveTextContent('1 will be sent1 skipped (nothing to do)1 problem');
    const table = within(dialog).getByRole('table', { name: 'Members and what happens to each' });
    const [, first, second, third] = within(table).getAllByRole('row');
    // Problems first: they are what needs reading.
    expect(first).toHaveTextContent('Member 3');
    expect(first).toHaveTextContent('Problem');
    expect(first).toHaveTextContent('when this coverage began');
    expect(second).toHaveTextContent('Skipped');
    expect(third).toHaveTextContent('Will be sent');
    expect(third).toHaveTextContent('11/30/2026');
    expect(within(dialog).getByText('Layoff without benefits')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Send 1 termination' }));
    const done = await within(dialog).findByRole('heading', { name: '1 termination waiting to send' });
    await waitFor(() => expect(done).toHaveFocus());
    expect(transport.callsTo('transactions.bulk')[1]).toEqual({
      groupNumber: '100234',
      dryRun: false,
      action: { kind: 'terminate', memberIds: ids, reason: 'layoff', requestedDate: '2026-11-13' },
    });
    expect(within(dialog).getByText('2 of the selected members were left out:')).toBeInTheDocument();
    expect(useRosterSelection.getState().rows.size).toBe(0);

    await user.click(within(dialog).getByRole('link', { name: 'Open Activity' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Activity' })).toBeInTheDocument();
  });

  it('goes back to the choices with them kept, and shows the core’s refusal', async () => {
    const { user, transport } = await selectRows(1);
    transport.on('transactions.bulk', (input) => ({ ok: true, value: { dryRun: true, queued: [], items: outcomes(input, () => ({ coverageEnds: '2026-11-30' })) } }));
    await user.click(screen.getByRole('button', { name: 'Terminate…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Terminate 1 member' });
    await user.selectOptions(await within(dialog).findByRole('combobox', { name: 'Reason' }), 'retirement');
    await user.type(within(dialog).getByLabelText('Date of the event'), '2026-11-20');
    await user.click(within(dialog).getByRole('button', { name: 'Check what will happen' }));
    await within(dialog).findByRole('heading', { name: 'Check before sending' });

    await user.click(within(dialog).getByRole('button', { name: 'Back' }));
    expect(await within(dialog).findByRole('combobox', { name: 'Reason' })).toHaveValue('retirement');
    expect(within(dialog).getByLabelText('Date of the event')).toHaveValue('2026-11-20');

    transport.on('transactions.bulk', () => ({ ok: false, error: { code: 'FORBIDDEN', message: 'Your role cannot change members of this group.' } }));
    await user.click(within(dialog).getByRole('button', { name: 'Check what will happen' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Your role cannot change members of this group.');

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // Nothing was queued, so the selection is still there to try again.
    expect(useRosterSelection.getState().rows.size).toBe(1);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Terminate…' })).toHaveFocus());
  });

  it('offers only the reasons that fit who is selected', async () => {
    const { user, picked } = await selectRows(1);
    const [subscriber] = picked;
    if (subscriber?.relationship !== 'subscriber') throw new Error('the first roster row is a subscriber');
    const reasonLabels = async () => {
      await user.click(screen.getByRole('button', { name: 'Terminate…' }));
      const dialog = await screen.findByRole('dialog');
      const labels = within(await within(dialog).findByRole('combobox', { name: 'Reason' }))
        .getAllByRole('option')
        .map((o) => o.textContent);
      await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
      return labels;
    };
    const forSubscribers = await reasonLabels();
    expect(forSubscribers[0]).toBe('Choose a reason…');
    expect(forSubscribers).toContain('Layoff without benefits');
    expect(forSubscribers).not.toContain('Divorce');

    const spouse = { ...subscriber, memberId: `${subscriber.memberId}-01`, relationship: 'spouse' as const };
    act(() => useRosterSelection.setState({ rows: new Map([[spouse.memberId, spouse]]) }));
    const forDependents = await reasonLabels();
    expect(forDependents).toContain('Divorce');
    expect(forDependents).not.toContain('Layoff without benefits');

    // A mixed selection sees every reason, marked; the dry run names a member a reason does not fit.
    act(() => useRosterSelection.setState({ rows: new Map([[subscriber.memberId, subscriber], [spouse.memberId, spouse]]) }));
    const forBoth = await reasonLabels();
    expect(forBoth).toContain('Divorce (dependents only)');
    expect(forBoth).toContain('Layoff without benefits (employees only)');
    expect(forBoth).toContain('Death');
  });
});

describe('Bulk ID-card request from the roster', () => {
  it('asks for a reason and where to ship, dry-runs, then queues one request', async () => {
    const { user, transport, picked } = await selectRows(2);
    const ids = picked.map((r) => r.memberId);
    transport.on('transactions.bulk', (input) => ({ ok: true, value: { dryRun: input.dryRun, queued: input.dryRun ? [] : [77], items: outcomes(input, () => ({})) } }));
    await user.click(screen.getByRole('button', { name: 'Request ID cards…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Request ID cards for 2 members' });

    await user.click(within(dialog).getByRole('button', { name: 'Check what will happen' }));
    const problems = await within(dialog).findByRole('alert', { name: 'Check these before going on' });
    await waitFor(() => expect(problems).toHaveFocus());
    expect(within(problems).getAllByRole('link').map((a) => a.textContent)).toEqual(['Choose why new cards are needed', 'Choose where to send the cards']);

    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'Reason' }), 'lost');
    await user.click(within(dialog).getByRole('radio', { name: /To the employer's address/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Check what will happen' }));
    await within(dialog).findByRole('heading', { name: 'Check before sending' });
    expect(within(dialog).getByText('Lost')).toBeInTheDocument();
    expect(within(dialog).queryByRole('columnheader', { name: 'Coverage ends' })).not.toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Send request' }));
    expect(await within(dialog).findByRole('heading', { name: 'ID-card request for 2 members waiting to send' })).toBeInTheDocument();
    const action = { kind: 'id_cards', memberIds: ids, reason: 'lost', shipTo: 'employer' };
    expect(transport.callsTo('transactions.bulk')).toEqual([
      { groupNumber: '100234', dryRun: true, action },
      { groupNumber: '100234', dryRun: false, action },
    ]);

    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    // The bar that opened it is gone with the selection: focus goes back to the roster row.
    await waitFor(() => expect(document.activeElement).toHaveAttribute('role', 'row'));
  });

  it('says when more members are selected than one request takes', async () => {
    const { user } = await selectRows(1);
    const one = [...useRosterSelection.getState().rows.values()][0];
    if (!one) throw new Error('no row selected');
    const many = new Map(Array.from({ length: 501 }, (_, i) => [String(100000000 + i), { ...one, memberId: String(100000000 + i) }]));
    act(() => useRosterSelection.setState({ rows: many }));
    await user.click(screen.getByRole('button', { name: 'Request ID cards…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Request ID cards for 501 members' });
    expect(within(dialog).getByRole('alert')).toHaveTextContent('One ID-card request takes at most 500 members and 501 are selected.');
    expect(within(dialog).getByRole('button', { name: 'Check what will happen' })).toBeDisabled();
  });
});

describe('Bulk address change from the roster', () => {
  it('checks the ZIP against the state, dry-runs, lists each old → new address, then queues', async () => {
    const { user, transport, picked } = await selectRows(2);
    const [first, second] = picked;
    if (first === undefined || second === undefined) throw new Error('two rows expected');
    transport.on('transactions.bulk', (input) => ({
      ok: true,
      value: {
        dryRun: input.dryRun,
        queued: input.dryRun ? [] : [51, 52],
        items: outcomes(input, (memberId, i) =>
          i === 0
            ? {
                message: '1 dependent at the same address moves too.',
                changes: [
                  { memberId, name: 'Member 1', from: '1200 Harbor Way, Oakland, CA 94607', to: '40 Canal St, Toledo, OH 43604' },
                  { memberId: `${memberId}-01`, name: 'Spouse 1', from: '1200 Harbor Way, Oakland, CA 94607', to: '40 Canal St, Toledo, OH 43604' },
                ],
              }
            : { outcome: 'problem', message: 'Has an address of their own: change it from their page.', changes: [] },
        ),
      },
    }));
    await user.click(screen.getByRole('button', { name: 'Change address…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Change the address of 2 members' });
    await user.type(await within(dialog).findByLabelText('Street address'), '40 Canal St');
    await user.type(within(dialog).getByLabelText('City'), 'Toledo');
    await user.selectOptions(within(dialog).getByRole('combobox', { name: 'State' }), 'OH');
    const zip = within(dialog).getByLabelText('ZIP code');
    await user.type(zip, '94607');
    await user.click(within(dialog).getByRole('button', { name: 'Check what will change' }));
    await waitFor(() => expect(zip).toHaveAccessibleDescription(expect.stringContaining("94607 is a California ZIP code, not Ohio's")));
    expect(transport.callsTo('transactions.bulk')).toEqual([]);

    await user.clear(zip);
    await user.type(zip, '43604');
    expect(within(dialog).getByRole('checkbox', { name: /Also move the dependents who live at the employee's current address/ })).toBeChecked();
    await user.click(within(dialog).getByRole('button', { name: 'Check what will change' }));
    await within(dialog).findByRole('heading', { name: 'Check before sending' });
    const action = { kind: 'address', memberIds: [first.memberId, second.memberId], address: { line1: '40 Canal St', city: 'Toledo', state: 'OH', zip: '43604' }, effectiveDate: '2026-11-27', withDependents: true };
    expect(transport.callsTo('transactions.bulk')).toEqual([{ groupNumber: '100234', action, dryRun: true }]);
    expect(within(dialog).getByText('New address').nextElementSibling).toHaveTextContent('40 Canal St, Toledo, OH 43604');
    const rows = within(within(dialog).getByRole('table')).getAllByRole('row').slice(1);
    // Problems first.
    expect(rows[0]).toHaveTextContent('ProblemHas an address of their own');
    expect(rows[1]).toHaveTextContent(`Member 1 ${first.memberId}: 1200 Harbor Way, Oakland, CA 94607 → becomes 40 Canal St, Toledo, OH 43604`);
    expect(rows[1]).toHaveTextContent(`Spouse 1 ${first.memberId}-01: 1200 Harbor Way, Oakland, CA 94607`);

    await user.click(within(dialog).getByRole('button', { name: 'Send 1 address change' }));
    expect(await within(dialog).findByRole('heading', { name: '1 employee moving: 2 changes waiting to send' })).toBeInTheDocument();
    expect(transport.callsTo('transactions.bulk')[1]).toEqual({ groupNumber: '100234', action, dryRun: false });
  });
});
