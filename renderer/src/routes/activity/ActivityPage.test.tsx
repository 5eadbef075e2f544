import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ActivityItem, DraftSummary, TransactionStatus } from '@shared/contract/schemas/transaction';
import { transactionStatuses } from '@shared/contract/schemas/transaction';
import { renderApp } from '../../test-support/render-app';
import { chooseGroup } from '../../test-support/choose-group';
import { asOf, createFakeTransport, sessionWithRoles } from '../../test-support/fake-transport';
import type { FakeTransport } from '../../test-support/fake-transport';
import { useActivityView } from '../../state/activity-view-store';
import { activityPageSize } from './ActivityPage';

const at = (minute: number) => `2026-11-27T09:${String(minute).padStart(2, '0')}:00.000Z`;

function item(over: Partial<ActivityItem> & Pick<ActivityItem, 'id' | 'summary' | 'status'>): ActivityItem {
  return {
    groupNumber: '100234',
    kind: 'enroll',
    memberIds: [],
    confirmationNumber: null,
    error: null,
    attempts: 0,
    createdBy: 'sandbox.admin',
    createdAt: asOf,
    updatedAt: asOf,
    sentAt: null,
    resolvedAt: null,
    draftId: null,
    replacedBy: null,
    replaces: null,
    hasDocument: false,
    batch: null,
    ...over,
  };
}

const requests: Record<number, Record<string, unknown>> = {
  1: { subscriber: { firstName: 'Jane', lastName: 'Okafor', ssn: '***-**-6789', dateOfBirth: '1988-04-02' }, dependents: [] },
  2: { subscriberId: '100234000001', dependent: { firstName: 'Ava', relationship: 'child', dateOfBirth: '2026-10-01' }, event: { kind: 'birth', date: '2026-10-01' } },
  3: { memberIds: ['100234000002'], reason: 'lost', shipTo: 'member' },
};

/** An in-memory outbox behind the fake transport: what the core would answer, newest first. */
function activityBackend(transport: FakeTransport, drafts: DraftSummary[] = []) {
  const items: ActivityItem[] = [
    item({ id: 3, kind: 'id_cards', summary: 'ID cards for 1 member', status: 'accepted', confirmationNumber: 'TX-20261127-0000042', createdAt: at(30), resolvedAt: at(31), hasDocument: true }),
    item({
      id: 2,
      kind: 'add_dependent',
      summary: 'Add Ava Okafor to 100234000001',
      status: 'rejected',
      draftId: 7,
      attempts: 1,
      createdAt: at(20),
      resolvedAt: at(21),
      error: { code: 'RULE', message: 'The special-enrollment window for this birth has closed.', fields: { 'event.date': 'Must be within 30 days of the birth' } },
    }),
    item({ id: 1, summary: 'Enroll Jane Okafor', status: 'queued', memberIds: ['NEW-1'], createdAt: at(10) }),
  ];
  // As the core counts them: unfinished forms under `draft`, never listed as outbox rows.
  const counts = () =>
    Object.fromEntries(transactionStatuses.map((s) => [s, s === 'draft' ? drafts.length : items.filter((i) => i.status === s).length])) as Record<TransactionStatus, number>;
  transport.on('transactions.list', (input) => {
    const rows = items.filter((i) => (!input.status || input.status.includes(i.status)) && i.groupNumber === input.groupNumber);
    const offset = input.offset ?? 0;
    return { ok: true, value: { total: rows.length, items: rows.slice(offset, offset + (input.limit ?? 100)), countsByStatus: counts() } };
  });
  transport.on('transactions.get', (input) => {
    const found = items.find((i) => i.id === input.id);
    return found ? { ok: true, value: { ...found, request: requests[found.id] ?? {} } } : { ok: false, error: { code: 'NOT_FOUND', message: 'No such change.' } };
  });
  transport.on('transactions.cancel', (input) => {
    const found = items.find((i) => i.id === input.id);
    if (!found) return { ok: false, error: { code: 'NOT_FOUND', message: 'No such change.' } };
    found.status = 'cancelled';
    found.resolvedAt = at(40);
    return { ok: true, value: found };
  });
  transport.on('transactions.document', () => ({ ok: true, value: { fileName: 'id-card-request-TX-20261127-0000042.pdf', contentType: 'application/pdf', base64: btoa('%PDF-1.7') } }));
  transport.on('drafts.list', () => ({ ok: true, value: drafts }));
  transport.on('drafts.discard', (input) => {
    const index = drafts.findIndex((d) => d.id === input.id);
    if (index >= 0) drafts.splice(index, 1);
    return { ok: true, value: { discarded: index >= 0 } };
  });
  return items;
}

function renderActivity(path = '/activity', drafts: DraftSummary[] = []) {
  const transport = createFakeTransport();
  const items = activityBackend(transport, drafts);
  useActivityView.setState({ tab: 'all', page: 0, pageGroup: null });
  return { ...renderApp(path, transport), items };
}

const table = () => screen.findByRole('table', { name: /changes/ });
const bodyRows = (t: HTMLElement) => within(t).getAllByRole('row').slice(1);

afterEach(() => {
  vi.restoreAllMocks();
  // jsdom has no object URLs; the print test adds them.
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
});

describe('Activity', () => {
  it('lists every change newest first with status, confirmation, who and when, and counts per tab', async () => {
    renderActivity();
    const t = await table();
    expect(within(t).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['What', 'Status', 'Confirmation', 'Who', 'When']);
    const rows = bodyRows(t);
    expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['ID cards for 1 member', 'Add Ava Okafor to 100234000001', 'Enroll Jane Okafor']);
    expect(rows[0]).toHaveTextContent('Accepted');
    expect(rows[0]).toHaveTextContent('TX-20261127-0000042');
    expect(rows[0]).toHaveTextContent('sandbox.admin');
    expect(rows[0]).toHaveTextContent(/Submitted .*Accepted/);
    expect(rows[2]).toHaveTextContent('Waiting to send');
    const tabs = within(screen.getByRole('tablist', { name: 'Show changes' }));
    expect(tabs.getAllByRole('tab')).toHaveLength(8);
    for (const name of ['All, 3', 'Unfinished, 0', 'Waiting to send, 1', 'Sent, 0', 'Accepted, 1', 'Rejected, 1', 'Cancelled, 0', 'Corrected, 0']) {
      expect(tabs.getByRole('tab', { name })).toBeInTheDocument();
    }
  });

  it('filters by status with the tabs, from the keyboard too', async () => {
    const user = userEvent.setup();
    const { transport } = renderActivity();
    await table();
    await user.click(screen.getByRole('tab', { name: 'Rejected, 1' }));
    await waitFor(() => expect(transport.callsTo('transactions.list').at(-1)).toMatchObject({ status: ['rejected'], offset: 0 }));
    await waitFor(() => expect(bodyRows(screen.getByRole('table', { name: 'Rejected changes' }))).toHaveLength(1));
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Cancelled, 0' })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByRole('heading', { name: 'Nothing cancelled' })).toBeInTheDocument();
  });

  it('cancels a queued change after a confirm, and says so', async () => {
    const user = userEvent.setup();
    const { transport } = renderActivity();
    await user.click(await screen.findByRole('link', { name: 'Enroll Jane Okafor' }));
    const panel = await screen.findByRole('dialog', { name: 'Enroll Jane Okafor' });
    // What was sent, SSN masked.
    expect(within(panel).getByText('***-**-6789')).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Cancel this change' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Cancel this change?' });
    expect(confirm).toHaveTextContent('has not been sent to the plan yet');
    await user.click(within(confirm).getByRole('button', { name: 'Cancel the change' }));
    await waitFor(() => expect(transport.callsTo('transactions.cancel')).toEqual([{ groupNumber: '100234', id: 1 }]));
    act(() => transport.emit({ type: 'activity.changed', groupNumber: '100234' }));
    await waitFor(() => expect(within(panel).getByText('Cancelled', { selector: '.badge' })).toBeInTheDocument());
    expect(within(panel).queryByRole('button', { name: 'Cancel this change' })).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Cancelled: Enroll Jane Okafor. Nothing was sent to the plan.');
  });

  it('after a cancel, offers the Cancelled tab where the change now is', async () => {
    const user = userEvent.setup();
    const { transport, history } = renderActivity('/activity?id=1');
    const panel = await screen.findByRole('dialog', { name: 'Enroll Jane Okafor' });
    await user.click(within(panel).getByRole('button', { name: 'Cancel this change' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Cancel the change' }));
    const see = await within(panel).findByRole('button', { name: 'See it under Cancelled' });
    await waitFor(() => expect(see).toHaveFocus());
    await user.click(see);
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(history.location.search).not.toContain('id=');
    expect(screen.getByRole('tab', { name: /^Cancelled, / })).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(transport.callsTo('transactions.list').at(-1)).toMatchObject({ status: ['cancelled'] }));
    const cancelled = await screen.findByRole('table', { name: 'Cancelled changes' });
    await waitFor(() => expect(within(cancelled).getByRole('link', { name: 'Enroll Jane Okafor' })).toHaveFocus());
  });

  it('links a corrected change and its correction both ways, and offers the Corrected tab', async () => {
    const user = userEvent.setup();
    const { items, history } = renderActivity('/activity?id=6');
    items.unshift(
      item({ id: 6, kind: 'add_dependent', summary: 'Add Ava Okafor to 100234000001 (corrected)', status: 'queued', replaces: 5, createdAt: at(45) }),
      item({ id: 5, kind: 'add_dependent', summary: 'Add Ava Okafor to 100234000001 (first try)', status: 'corrected', replacedBy: 6, createdAt: at(35), resolvedAt: at(36), error: { code: 'RULE', message: 'Date of birth is in the future.' } }),
    );
    const correction = await screen.findByRole('dialog', { name: 'Add Ava Okafor to 100234000001 (corrected)' });
    expect(within(correction).queryByRole('button', { name: /See it under/ })).not.toBeInTheDocument();
    await user.click(within(correction).getByRole('link', { name: 'change 5' }));
    const original = await screen.findByRole('dialog', { name: 'Add Ava Okafor to 100234000001 (first try)' });
    expect(within(original).getByRole('region', { name: 'Why the plan refused it' })).toHaveTextContent('Corrected by change 6.');
    await user.click(within(original).getByRole('button', { name: 'See it under Corrected' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(history.location.search).not.toContain('id=');
    expect(screen.getByRole('tab', { name: 'Corrected, 1' })).toHaveAttribute('aria-selected', 'true');
    const corrected = await screen.findByRole('table', { name: 'Corrected changes' });
    expect(within(corrected).getByRole('link', { name: 'Add Ava Okafor to 100234000001 (first try)' })).toBeInTheDocument();
  });

  it('names the batch a change came with and cancels the rest of it after a confirmation', async () => {
    const user = userEvent.setup();
    const { transport, items } = renderActivity('/activity?id=1');
    const queued = items.find((i) => i.id === 1);
    if (queued) queued.batch = { id: 9, label: 'File import roster-2026-11.csv' };
    transport.on('transactions.cancelBatch', () => ({ ok: true, value: { cancelled: 40, alreadySent: 2 } }));
    const panel = await screen.findByRole('dialog', { name: 'Enroll Jane Okafor' });
    const batch = await within(panel).findByRole('region', { name: 'Part of File import roster-2026-11.csv' });
    const open = within(batch).getByRole('button', { name: 'Cancel the rest of this batch' });
    await user.click(open);
    const confirm = await screen.findByRole('alertdialog', { name: 'Cancel the rest of this batch?' });
    expect(confirm).toHaveTextContent('Every change of “File import roster-2026-11.csv” that has not been sent to the plan yet is cancelled');
    // Focus starts on the way out, so Enter never cancels a batch by accident.
    expect(within(confirm).getByRole('button', { name: 'Keep the batch' })).toHaveFocus();
    await user.click(within(confirm).getByRole('button', { name: 'Cancel the unsent changes' }));
    await waitFor(() => expect(transport.callsTo('transactions.cancelBatch')).toEqual([{ groupNumber: '100234', batchId: 9 }]));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('40 changes cancelled; 2 had already been sent.'));
    expect(within(batch).getByText('40 changes cancelled; 2 had already been sent.')).toBeInTheDocument();
    await waitFor(() => expect(open).toHaveFocus());
  });

  it('keeps a queued change when the confirm is dismissed', async () => {
    const user = userEvent.setup();
    const { transport } = renderActivity('/activity?id=1');
    const panel = await screen.findByRole('dialog', { name: 'Enroll Jane Okafor' });
    await user.click(within(panel).getByRole('button', { name: 'Cancel this change' }));
    await user.click(await screen.findByRole('button', { name: 'Keep it' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument());
    expect(transport.callsTo('transactions.cancel')).toEqual([]);
    expect(within(panel).getByRole('button', { name: 'Cancel this change' })).toHaveFocus();
  });

  it('shows why a change was rejected and opens the wizard with the draft to correct and resend it', async () => {
    const user = userEvent.setup();
    const { history } = renderActivity('/activity?id=2');
    const panel = await screen.findByRole('dialog', { name: 'Add Ava Okafor to 100234000001' });
    const reasons = within(panel).getByRole('region', { name: 'Why the plan refused it' });
    expect(reasons).toHaveTextContent('The special-enrollment window for this birth has closed.');
    expect(reasons).toHaveTextContent('Event › Date: Must be within 30 days of the birth');
    expect(within(panel).getByText('Attempts').nextSibling).toHaveTextContent('1');
    await user.click(within(panel).getByRole('button', { name: 'Correct and resend' }));
    await waitFor(() => expect(history.location.pathname).toBe('/members/100234000001/add-dependent'));
    expect(new URLSearchParams(history.location.search).get('draft')).toBe('7');
    expect(new URLSearchParams(history.location.search).get('replaces')).toBe('2');
  });

  it('withdraws a rejected change the user will not correct, after a confirm', async () => {
    const user = userEvent.setup();
    const { transport } = renderActivity('/activity?id=2');
    const panel = await screen.findByRole('dialog', { name: 'Add Ava Okafor to 100234000001' });
    await user.click(within(panel).getByRole('button', { name: 'Withdraw this change' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Withdraw this change?' });
    expect(confirm).toHaveTextContent('nothing of it is in effect');
    await user.click(within(confirm).getByRole('button', { name: 'Withdraw the change' }));
    await waitFor(() => expect(transport.callsTo('transactions.cancel')).toEqual([{ groupNumber: '100234', id: 2 }]));
    expect(screen.getByRole('status')).toHaveTextContent('Withdrawn: Add Ava Okafor to 100234000001.');
  });

  it('closes the panel with Escape, clears the address and puts focus back on the row', async () => {
    const user = userEvent.setup();
    const { history } = renderActivity();
    const link = await screen.findByRole('link', { name: 'ID cards for 1 member' });
    await user.click(link);
    await screen.findByRole('dialog', { name: 'ID cards for 1 member' });
    expect(history.location.search).toContain('id=3');
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(history.location.search).not.toContain('id=');
    expect(screen.getByRole('link', { name: 'ID cards for 1 member' })).toHaveFocus();
  });

  it('prints the ID-card request form as a PDF in a new window, or downloads it where windows are refused', async () => {
    const user = userEvent.setup();
    const createObjectURL = vi.fn((_: Blob) => 'blob:groupdesk/1');
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const open = vi.spyOn(window, 'open').mockReturnValue(null);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    renderActivity('/activity?id=3');
    const panel = await screen.findByRole('dialog', { name: 'ID cards for 1 member' });
    await user.click(within(panel).getByRole('button', { name: 'Print form' }));
    await waitFor(() => expect(open).toHaveBeenCalledWith('blob:groupdesk/1', '_blank'));
    const blob = createObjectURL.mock.calls[0]?.[0] as Blob;
    expect(blob.type).toBe('application/pdf');
    expect(await blob.text()).toBe('%PDF-1.7');
    expect(click).toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('id-card-request-TX-20261127-0000042.pdf downloaded.');
  });

  it('refetches when the core says the group’s activity changed, not for another group', async () => {
    const { transport, items } = renderActivity();
    await table();
    await waitFor(() => expect(transport.callsTo('transactions.list')).toHaveLength(1));
    items.unshift(item({ id: 4, summary: 'Terminate 100234000003 Ben Baker', status: 'queued', kind: 'terminate', createdAt: at(50) }));
    act(() => transport.emit({ type: 'activity.changed', groupNumber: '200587' }));
    act(() => transport.emit({ type: 'activity.changed', groupNumber: '100234' }));
    expect(await screen.findByRole('link', { name: 'Terminate 100234000003 Ben Baker' })).toBeInTheDocument();
    expect(transport.callsTo('transactions.list')).toHaveLength(2);
    expect(screen.getByRole('tab', { name: 'Waiting to send, 2' })).toBeInTheDocument();
  });

  it('lists unfinished forms to resume or discard', async () => {
    const user = userEvent.setup();
    const drafts: DraftSummary[] = [
      { id: 5, wizard: 'enroll', groupNumber: '100234', memberId: null, step: 'coverage', transactionId: null, updatedAt: at(5), summary: 'Enroll Maya Chen' },
      { id: 6, wizard: 'terminate', groupNumber: '100234', memberId: '100234000004', step: 'reason', transactionId: null, updatedAt: at(6), summary: 'Terminate Dev Diaz' },
    ];
    const { transport, history } = renderActivity('/activity', drafts);
    const section = await screen.findByRole('region', { name: 'Unfinished (2)' });
    await user.click(within(section).getByRole('button', { name: 'Discard Terminate Dev Diaz' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Discard this unfinished form?' });
    await user.click(within(confirm).getByRole('button', { name: 'Discard' }));
    await waitFor(() => expect(transport.callsTo('drafts.discard')).toEqual([{ groupNumber: '100234', id: 6 }]));
    expect(await screen.findByRole('region', { name: 'Unfinished (1)' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Resume Enroll Maya Chen' }));
    await waitFor(() => expect(history.location.pathname).toBe('/enroll'));
    expect(history.location.search).toBe('?draft=5');
  });

  it('lists unfinished forms on their own tab, counted there and not in All', async () => {
    const user = userEvent.setup();
    const drafts: DraftSummary[] = [{ id: 5, wizard: 'enroll', groupNumber: '100234', memberId: null, step: 'coverage', transactionId: null, updatedAt: at(5), summary: 'Enroll Maya Chen' }];
    renderActivity('/activity', drafts);
    await table();
    expect(screen.getByRole('tab', { name: 'All, 3' })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Unfinished, 1' }));
    const panel = screen.getByRole('tabpanel', { name: 'Unfinished, 1' });
    expect(within(panel).getByRole('button', { name: 'Resume Enroll Maya Chen' })).toBeInTheDocument();
    // Shown once: the section above the tabs steps aside for the tab.
    expect(screen.getAllByRole('region', { name: 'Unfinished (1)' })).toHaveLength(1);
  });

  it('pages through a long history, and starts at the newest changes in another group', async () => {
    const user = userEvent.setup();
    const { transport, items } = renderActivity();
    await table();
    const older = Array.from({ length: 120 }, (_, i) => item({ id: 100 + i, summary: `ID cards for member ${i}`, status: 'accepted', kind: 'id_cards' }));
    const other = item({ id: 99, groupNumber: '200587', summary: 'Enroll Noah Quinn', status: 'queued' });
    items.push(...older, other);
    act(() => transport.emit({ type: 'activity.changed', groupNumber: '100234' }));
    const pages = await screen.findByRole('navigation', { name: 'Pages of activity' });
    expect(pages).toHaveTextContent(`1–${activityPageSize} of 123`);
    await user.click(within(pages).getByRole('button', { name: 'Older' }));
    await waitFor(() => expect(transport.callsTo('transactions.list').at(-1)).toMatchObject({ offset: activityPageSize, limit: activityPageSize }));
    expect(await screen.findByText(`${activityPageSize + 1}–${2 * activityPageSize} of 123`)).toBeInTheDocument();
    await chooseGroup(user, '200587');
    expect(await screen.findByRole('link', { name: 'Enroll Noah Quinn' })).toBeInTheDocument();
    expect(transport.callsTo('transactions.list').at(-1)).toMatchObject({ groupNumber: '200587', offset: 0 });
  });

  it('hides cancel and correct from a read-only user', async () => {
    const transport = createFakeTransport();
    activityBackend(transport);
    transport.on('session.get', () => ({ ok: true, value: sessionWithRoles({ '100234': 'read_only' }, 'remote') }));
    renderApp('/activity?id=2', transport);
    const panel = await screen.findByRole('dialog', { name: 'Add Ava Okafor to 100234000001' });
    await waitFor(() => expect(within(panel).queryByRole('button', { name: 'Correct and resend' })).not.toBeInTheDocument());
    expect(within(panel).queryByRole('button', { name: 'Withdraw this change' })).not.toBeInTheDocument();
    expect(within(panel).getByRole('region', { name: 'Why the plan refused it' })).toBeInTheDocument();
  });
});
