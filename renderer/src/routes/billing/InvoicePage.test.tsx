import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Role } from '@shared/contract/roles';
import type { InvoiceDispute } from '@shared/plan-api/invoice-disputes';
import { formatUsd } from '@shared/util/money';
import { renderApp } from '../../test-support/render-app';
import { billing, createFakeTransport, sessionWithRoles } from '../../test-support/fake-transport';
import { decemberNumber } from '../../test-support/billing-fixtures';

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T15:00:00Z') }));
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  Reflect.deleteProperty(URL, 'createObjectURL');
  Reflect.deleteProperty(URL, 'revokeObjectURL');
});

function renderInvoice(role: Role = 'primary_admin') {
  const transport = createFakeTransport();
  transport.on('session.get', () => ({ ok: true, value: sessionWithRoles({ '100234': role, '200587': role }) }));
  return renderApp(`/billing/invoices/${decemberNumber}`, transport);
}

const linesTable = () => screen.findByRole('table', { name: 'Member lines' });
const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row').filter((r) => r.closest('tbody'));

/** Stands in for the browser's object URLs and the link click a download is. */
function captureDownloads() {
  const createObjectURL = vi.fn((_: Blob) => 'blob:groupdesk/1');
  Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return { createObjectURL, click };
}

describe('Invoice', () => {
  it('shows the statement and pages through the member lines, dependents under their subscriber, with the count and total', async () => {
    const user = userEvent.setup();
    const { transport } = renderInvoice();
    expect(await screen.findByRole('heading', { level: 1, name: 'Invoice for December 2026' })).toBeInTheDocument();
    const summary = screen.getByRole('region', { name: 'Summary' });
    const december = billing.invoices[0];
    if (!december) throw new Error('fixture');
    expect(summary).toHaveTextContent(`Total due${formatUsd(december.totalDueCents)}`);
    expect(summary).toHaveTextContent('Due date12/01/2026');

    const table = await linesTable();
    expect(bodyRows(table)).toHaveLength(100);
    const total = billing.lines.reduce((sum, l) => sum + l.amountCents, 0);
    expect(within(screen.getByRole('tabpanel')).getByText(`${billing.lines.length} lines · ${formatUsd(total)}`)).toBeInTheDocument();
    // A family plan's subscriber lists the spouse and children billed with them.
    const family = billing.lines.find((l) => l.tier === 'FAM');
    if (!family) throw new Error('fixture');
    const familyRow = within(table).getByText(family.memberId).closest('tr') as HTMLElement;
    expect(within(familyRow).getByRole('list', { name: `Dependents of ${family.memberName}` }).children).toHaveLength(3);

    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(bodyRows(table)).toHaveLength(billing.lines.length - 100));
    expect(transport.callsTo('billing.invoiceLines').at(-1)).toMatchObject({ offset: 100, limit: 100 });
  });

  it('searches and sorts the lines in the core, saying how many match and what they come to', async () => {
    const user = userEvent.setup();
    const { transport } = renderInvoice();
    const table = await linesTable();
    await user.type(screen.getByRole('searchbox', { name: 'Search member lines' }), 'chen');
    await waitFor(() => expect(transport.callsTo('billing.invoiceLines').at(-1)).toEqual({ groupNumber: '100234', invoiceNumber: decemberNumber, query: 'chen', sort: { by: 'memberName', dir: 'asc' }, offset: 0, limit: 100 }));
    const chens = billing.lines.filter((l) => l.memberName.toLowerCase().includes('chen'));
    await waitFor(() => expect(bodyRows(table)).toHaveLength(chens.length));
    expect(within(screen.getByRole('tabpanel')).getByText(`${chens.length} lines match “chen” · ${formatUsd(chens.reduce((s, l) => s + l.amountCents, 0))}`)).toBeInTheDocument();

    const amount = within(table).getByRole('columnheader', { name: /Amount/ });
    expect(amount).toHaveAttribute('aria-sort', 'none');
    await user.click(within(amount).getByRole('button'));
    await waitFor(() => expect(amount).toHaveAttribute('aria-sort', 'ascending'));
    expect(transport.callsTo('billing.invoiceLines').at(-1)).toMatchObject({ query: 'chen', sort: { by: 'amountCents', dir: 'asc' }, offset: 0 });
    await user.click(within(amount).getByRole('button'));
    await waitFor(() => expect(amount).toHaveAttribute('aria-sort', 'descending'));
    expect(transport.callsTo('billing.invoiceLines').at(-1)).toMatchObject({ sort: { by: 'amountCents', dir: 'desc' } });
    expect(within(table).getByRole('columnheader', { name: /Member$/ })).toHaveAttribute('aria-sort', 'none');
  });

  it('links an adjustment’s TX- number to its change in Activity, when this computer has it', async () => {
    const user = userEvent.setup();
    renderInvoice();
    await user.click(await screen.findByRole('tab', { name: 'Adjustments, 2' }));
    const table = await screen.findByRole('table', { name: 'Adjustments' });
    const link = within(table).getByRole('link', { name: 'TX-20261104-0000042, open in Activity' });
    expect(link).toHaveAttribute('href', '/activity?id=42');
    expect(within(table).getByText('TX-20261009-0000017').closest('a')).toBeNull();
    expect(bodyRows(table)[1]).toHaveTextContent(`October 2026`);
    expect(bodyRows(table)[1]).toHaveTextContent(`Credit${formatUsd(-122468)}`);
  });

  it('opens the plan’s PDF, or says offline that it needs the plan while the invoice stays readable', async () => {
    const user = userEvent.setup();
    const { transport } = renderInvoice();
    const { createObjectURL } = captureDownloads();
    const open = vi.spyOn(window, 'open').mockReturnValue({} as Window);
    transport.on('billing.pdf', () => ({ ok: true, value: { fileName: `${decemberNumber}.pdf`, contentType: 'application/pdf', base64: btoa('%PDF-1.7') } }));
    await user.click(await screen.findByRole('button', { name: 'Print / Save PDF' }));
    await waitFor(() => expect(open).toHaveBeenCalledWith('blob:groupdesk/1', '_blank'));
    expect(transport.callsTo('billing.pdf')).toEqual([{ groupNumber: '100234', invoiceNumber: decemberNumber }]);
    expect(await (createObjectURL.mock.calls[0]?.[0] as Blob).text()).toBe('%PDF-1.7');

    transport.on('billing.pdf', () => ({ ok: false, error: { code: 'OFFLINE', message: 'The plan service cannot be reached.' } }));
    await user.click(screen.getByRole('button', { name: 'Print / Save PDF' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The PDF is printed by the plan service, which cannot be reached now. The invoice stays readable here');
    expect(screen.getByRole('table', { name: 'Member lines' })).toBeInTheDocument();
  });
});

describe('Reconcile', () => {
  it('groups the differences in plain words, links each member, and disputes a line with the reason its kind suggests', async () => {
    const user = userEvent.setup();
    const { transport } = renderInvoice();
    const filed: InvoiceDispute[] = [];
    transport.on('billing.dispute', (input) => {
      const dispute: InvoiceDispute = { id: filed.length + 1, invoiceNumber: input.invoiceNumber, memberId: input.memberId, reason: input.reason, note: input.note, filedBy: 'sandbox.admin', filedAt: '2026-11-27T14:58:00.000Z', status: 'open', resolutionNote: null, resolvedBy: null, resolvedAt: null };
      filed.unshift(dispute);
      return { ok: true, value: dispute };
    });
    transport.on('billing.disputes', () => ({ ok: true, value: [...filed] }));
    await user.click(await screen.findByRole('tab', { name: 'Reconcile' }));

    const [terminated, notBilled] = billing.reconciliation.rows;
    if (!terminated || !notBilled) throw new Error('fixture');
    const group = await screen.findByRole('region', { name: /^Billed but no longer covered/ });
    for (const name of [/^Covered but not billed/, /^Billed for another plan or tier/, /^Billed a different amount/]) expect(screen.getByRole('region', { name })).toBeInTheDocument();
    expect(within(group).getByRole('link', { name: terminated.memberName })).toHaveAttribute('href', `/members/${terminated.memberId}`);

    await user.click(within(group).getByRole('button', { name: `Dispute ${terminated.memberName}` }));
    const dialog = await screen.findByRole('dialog', { name: `Dispute ${terminated.memberName}` });
    expect(within(dialog).getByRole('combobox', { name: 'Reason' })).toHaveDisplayValue('Billed after coverage ended');
    await user.click(within(dialog).getByRole('button', { name: 'Send dispute' }));
    expect(within(dialog).getByRole('textbox', { name: 'Note' })).toHaveAccessibleDescription(/Say what is wrong in a note/);
    expect(transport.callsTo('billing.dispute')).toEqual([]);
    await user.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'Terminated in June; please credit December.');
    await user.click(within(dialog).getByRole('button', { name: 'Send dispute' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(transport.callsTo('billing.dispute')).toEqual([
      { groupNumber: '100234', invoiceNumber: decemberNumber, memberId: terminated.memberId, reason: 'billed_but_terminated', note: 'Terminated in June; please credit December.' },
    ]);
    expect(group).toHaveTextContent(/Disputed (Today|[A-Z][a-z]{2} \d+(, \d{4})?,) \d\d:\d\d — open/);
    expect(group).toHaveTextContent('Terminated in June; please credit December.');
    expect(within(group).queryByRole('button', { name: `Dispute ${terminated.memberName}` })).not.toBeInTheDocument();
    expect(await screen.findByRole('tab', { name: 'Disputes, 1' })).toBeInTheDocument();

    // A family covered but not billed has no line: the dispute names its subscriber, with that reason only.
    const missing = screen.getByRole('region', { name: /^Covered but not billed/ });
    await user.click(within(missing).getByRole('button', { name: `Dispute ${notBilled.memberName}` }));
    const second = await screen.findByRole('dialog');
    expect(within(second).getByRole('combobox', { name: 'Reason' })).toHaveDisplayValue('Covered but not billed');
    expect(within(second).getByRole('combobox', { name: 'Reason' })).toBeDisabled();
    await user.type(within(second).getByRole('textbox', { name: 'Note' }), 'Enrolled for December.');
    await user.click(within(second).getByRole('button', { name: 'Send dispute' }));
    await waitFor(() => expect(transport.callsTo('billing.dispute')).toHaveLength(2));
    expect(transport.callsTo('billing.dispute')[1]).toEqual({
      groupNumber: '100234',
      invoiceNumber: decemberNumber,
      memberId: notBilled.memberId,
      reason: 'covered_not_billed',
      note: 'Enrolled for December.',
    });
  });

  it('saves the worksheet as CSV or Excel under the file name the core gives', async () => {
    const user = userEvent.setup();
    const { transport } = renderInvoice();
    const { createObjectURL, click } = captureDownloads();
    transport.on('billing.worksheet', (input) => ({
      ok: true,
      value: { fileName: `reconciliation-${decemberNumber}.${input.format}`, contentType: input.format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', base64: btoa('kind,member') },
    }));
    await user.click(await screen.findByRole('tab', { name: 'Reconcile' }));
    await user.click(await screen.findByRole('button', { name: 'Export worksheet (CSV)' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    expect(transport.callsTo('billing.worksheet')).toEqual([{ groupNumber: '100234', invoiceNumber: decemberNumber, format: 'csv' }]);
    const anchor = click.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.download).toBe(`reconciliation-${decemberNumber}.csv`);
    expect((createObjectURL.mock.calls[0]?.[0] as Blob).type).toBe('text/csv');

    await user.click(screen.getByRole('button', { name: 'Export worksheet (Excel)' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(2));
    expect((click.mock.contexts[1] as HTMLAnchorElement).download).toBe(`reconciliation-${decemberNumber}.xlsx`);
  });

  it('says so when the invoice matches the roster', async () => {
    const user = userEvent.setup();
    const { transport } = renderInvoice();
    transport.on('billing.reconcile', () => ({ ok: true, value: { ...billing.reconciliation, rows: [] } }));
    await user.click(await screen.findByRole('tab', { name: 'Reconcile' }));
    expect(await screen.findByRole('heading', { name: 'The invoice matches the roster' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Export worksheet/ })).not.toBeInTheDocument();
  });

  it('reconciles again when the roster changes while it is open, as a termination arriving from the plan', async () => {
    const user = userEvent.setup();
    const { transport } = renderInvoice();
    transport.on('billing.reconcile', () => ({ ok: true, value: { ...billing.reconciliation, rows: [] } }));
    await user.click(await screen.findByRole('tab', { name: 'Reconcile' }));
    expect(await screen.findByRole('heading', { name: 'The invoice matches the roster' })).toBeInTheDocument();
    transport.on('billing.reconcile', () => ({ ok: true, value: billing.reconciliation }));
    act(() => transport.emit({ type: 'roster.changed', groupNumber: '100234' }));
    expect(await screen.findByRole('region', { name: /^Billed but no longer covered/ })).toBeInTheDocument();
    // Another group's roster is not this invoice's.
    const calls = transport.callsTo('billing.reconcile').length;
    act(() => transport.emit({ type: 'roster.changed', groupNumber: '200587' }));
    expect(transport.callsTo('billing.reconcile')).toHaveLength(calls);
  });

  it('is not offered to a billing user, and a read-only user sees differences without a Dispute button', async () => {
    const user = userEvent.setup();
    const { transport, unmount } = renderInvoice('billing');
    await screen.findByRole('tab', { name: /Member lines/ });
    expect(screen.queryByRole('tab', { name: 'Reconcile' })).not.toBeInTheDocument();
    expect(transport.callsTo('billing.reconcile')).toEqual([]);
    unmount();

    renderInvoice('read_only');
    await user.click(await screen.findByRole('tab', { name: 'Reconcile' }));
    await screen.findByRole('region', { name: /^Billed but no longer covered/ });
    expect(screen.queryByRole('button', { name: /^Dispute / })).not.toBeInTheDocument();
    expect(screen.getAllByText('Not disputed').length).toBe(billing.reconciliation.rows.length);
  });
});
