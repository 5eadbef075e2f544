import { describe, expect, it } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ImportCheck, ImportItem } from '@shared/contract/methods/roster-import';
import { renderApp } from '../../test-support/render-app';
import { createFakeTransport } from '../../test-support/fake-transport';
import { installFakeFiles } from '../../test-support/fake-files';
import { holdCalls } from '../../test-support/held-call';

const chosen = { fileId: '5f0d2c1a-8b7e-4c3d-9a1f-2e3d4c5b6a79', fileName: 'new-hires.csv', bytes: 2048 };

const items: ImportItem[] = [
  { location: { kind: 'line', number: 2 }, memberId: null, name: 'Okafor, Jane', action: 'add', outcome: 'queue', reason: null },
  { location: { kind: 'line', number: 3 }, memberId: '100234000004', name: 'Diaz, Dev', action: 'terminate', outcome: 'queue', reason: null },
  { location: { kind: 'line', number: 5 }, memberId: '100234000007', name: 'Lee, Min', action: 'change', outcome: 'skip', reason: 'The roster already has this address.' },
  { location: { kind: 'line', number: 7 }, memberId: null, name: 'Ruiz, Dana', action: 'add', outcome: 'refuse', reason: 'Date of birth is in the future.' },
];

const checked = (over: Partial<ImportCheck> = {}): ImportCheck => ({ importId: 5, fileName: chosen.fileName, format: 'csv', members: 4, queue: 2, skip: 1, refuse: 1, acknowledgment: null, ...over });

/** The roster, then the import wizard from its toolbar, with the file check held open. */
async function openWizard() {
  const user = userEvent.setup();
  const transport = createFakeTransport();
  transport.on('roster.importItems', (input) => {
    const rows = items.filter((i) => !input.outcome || i.outcome === input.outcome);
    return { ok: true, value: { total: rows.length, items: rows.slice(input.offset ?? 0, (input.offset ?? 0) + (input.limit ?? 100)) } };
  });
  transport.on('roster.importConfirm', () => ({ ok: true, value: { batchId: 12, queue: 2, skip: 1, refuse: 1 } }));
  transport.on('transactions.cancelBatch', () => ({ ok: true, value: { cancelled: 2, alreadySent: 0 } }));
  transport.on('jobs.cancel', () => ({ ok: true, value: { cancelled: true } }));
  const checks = holdCalls(transport, 'roster.importCheck');
  const files = installFakeFiles(transport, chosen);
  const view = renderApp('/members', transport);
  await user.click(await screen.findByRole('link', { name: 'Import a file…' }));
  await screen.findByRole('heading', { level: 1, name: 'Import a roster file' });
  return { ...view, user, checks, files };
}

/** Chooses the file and starts its check; the check stays out until the test answers it. */
async function chooseAndCheck(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Choose file…' }));
  expect(await screen.findByText(chosen.fileName, { selector: '.strong' })).toBeInTheDocument();
  await user.click(screen.getByRole('button', { name: 'Next' }));
  return screen.findByRole('progressbar', { name: `Checking ${chosen.fileName}` });
}

describe('Import a roster file', () => {
  it('reports every member with where it is in the file, filters by outcome, queues only on confirm and offers to cancel the batch', async () => {
    const { user, transport, checks, files } = await openWizard();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Choose a file to import first.');

    await chooseAndCheck(user);
    expect(files.openFile).toHaveBeenCalledWith({ title: 'Choose a roster file to import', extensions: ['834', 'x12', 'edi', 'txt', 'csv', 'xlsx'] });
    const input = checks.input();
    expect(input).toEqual({ groupNumber: '100234', jobId: expect.stringMatching(/^[0-9a-f-]{36}$/), fileId: chosen.fileId, fileName: chosen.fileName });
    act(() => transport.emit({ type: 'job.progress', jobId: input.jobId, done: 3, total: null }));
    expect(screen.getByText('3 members so far')).toBeInTheDocument();
    act(() => checks.answer({ ok: true, value: checked() }));

    const table = await screen.findByRole('table', { name: 'Every member in the file' });
    expect(screen.getByRole('status')).toHaveTextContent('4 members in new-hires.csv: 2 would be queued, 1 skipped, 1 refused.');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Where', 'Member', 'Change', 'Outcome', 'Reason']);
    expect(within(table).getAllByRole('row')).toHaveLength(5);

    const chips = screen.getByRole('group', { name: 'Show only' });
    const refused = within(chips).getByRole('button', { name: 'Refused 1' });
    await user.click(refused);
    expect(refused).toHaveAttribute('aria-pressed', 'true');
    const onlyRefused = await screen.findByRole('table', { name: 'Members refused' });
    await waitFor(() => expect(within(onlyRefused).getAllByRole('row')).toHaveLength(2));
    const [, row] = within(onlyRefused).getAllByRole('row');
    expect(within(row as HTMLElement).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Line 7', 'Enroll', 'Refused', 'Date of birth is in the future.']);
    expect(within(row as HTMLElement).getByRole('rowheader')).toHaveTextContent('Ruiz, Dana');
    expect(transport.callsTo('roster.importItems').at(-1)).toEqual({ groupNumber: '100234', importId: 5, offset: 0, limit: 50, outcome: 'refuse' });
    await user.click(refused);
    expect(await screen.findByRole('table', { name: 'Every member in the file' })).toBeInTheDocument();

    // A refused member does not hold back the others, and nothing is queued before the last step.
    expect(transport.callsTo('roster.importConfirm')).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: /Confirm/ })).toHaveFocus());
    expect(screen.getByText(/2 changes from/)).toHaveTextContent('2 changes from new-hires.csv will be queued as one batch.');
    await user.click(screen.getByRole('button', { name: 'Queue 2 changes' }));

    const done = await screen.findByRole('heading', { level: 1, name: '2 changes from new-hires.csv waiting to send' });
    await waitFor(() => expect(done).toHaveFocus());
    expect(transport.callsTo('roster.importConfirm')).toEqual([{ groupNumber: '100234', importId: 5 }]);
    expect(screen.getByRole('link', { name: 'Open Activity' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Cancel this batch' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Cancel the rest of this batch?' });
    await user.click(within(confirm).getByRole('button', { name: 'Cancel the unsent changes' }));
    await waitFor(() => expect(transport.callsTo('transactions.cancelBatch')).toEqual([{ groupNumber: '100234', batchId: 12 }]));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('2 changes cancelled; 0 had already been sent.'));
  });

  it('cancels a check back to the first step, and for an 834 saves the report and the 999 acknowledgment', async () => {
    const { user, transport, checks, files } = await openWizard();
    transport.on('roster.importReport', (input) => ({ ok: true, value: { fileId: '7a6b5c4d-3e2f-4a1b-8c9d-0e1f2a3b4c5d', fileName: `import-5-report.${input.format}`, contentType: 'text/csv', bytes: 900 } }));

    await chooseAndCheck(user);
    const firstJob = checks.input().jobId;
    // The new step's heading has focus, as in every wizard; Cancel the check is the next stop.
    await waitFor(() => expect(screen.getByRole('heading', { level: 2, name: /Check what it would do/ })).toHaveFocus());
    const cancel = screen.getByRole('button', { name: 'Cancel the check' });
    await user.tab();
    expect(cancel).toHaveFocus();
    await user.click(cancel);
    await waitFor(() => expect(transport.callsTo('jobs.cancel')).toEqual([{ jobId: firstJob }]));
    act(() => checks.answer({ ok: false, error: { code: 'CONFLICT', message: 'The job was cancelled.' } }));
    expect(await screen.findByText('Check cancelled. Nothing was queued.', { selector: '.import-note' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: /Choose a file/ })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByRole('progressbar');
    const ack = { fileId: '9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b', fileName: 'ack-999-new-hires.x12', contentType: 'application/edi-x12', bytes: 310 };
    act(() => checks.answer({ ok: true, value: checked({ format: 'x12-834', acknowledgment: ack }) }));

    await user.click(await screen.findByRole('button', { name: 'Save acknowledgment (999)' }));
    await waitFor(() => expect(files.saveFile).toHaveBeenCalledWith({ fileId: ack.fileId, fileName: ack.fileName }));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('ack-999-new-hires.x12 saved.'));
    await user.click(screen.getByRole('button', { name: 'Export report (CSV)' }));
    await waitFor(() => expect(transport.callsTo('roster.importReport')).toEqual([{ groupNumber: '100234', importId: 5, format: 'csv' }]));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('import-5-report.csv saved.'));
  });

  it('cancels a check still running when the user leaves the wizard', async () => {
    const { user, transport, checks, history } = await openWizard();
    await chooseAndCheck(user);
    const { jobId } = checks.input();
    await user.click(screen.getByRole('link', { name: 'Members' }));
    await waitFor(() => expect(history.location.pathname).toBe('/members'));
    await waitFor(() => expect(transport.callsTo('jobs.cancel')).toEqual([{ jobId }]));
  });
});
