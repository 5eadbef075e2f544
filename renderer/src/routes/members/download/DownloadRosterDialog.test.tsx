import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SavedFile } from '@shared/contract/methods/rosters';
import { renderApp } from '../../../test-support/render-app';
import { createFakeTransport } from '../../../test-support/fake-transport';
import { installFakeFiles } from '../../../test-support/fake-files';
import { holdCalls } from '../../../test-support/held-call';

beforeEach(() => {
  // "As of" starts on the plan's day: 2026-11-27.
  vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-11-27T15:00:00Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

const written: SavedFile = { fileId: '0b7c6f2e-3d41-4f7a-9a55-1c2d3e4f5a6b', fileName: 'roster-100234-2026-11-27.csv', contentType: 'text/csv', bytes: 48_213 };

/** The roster with the last download's choices (four columns, Excel) and roster.export held open. */
async function openDialog() {
  const user = userEvent.setup();
  const transport = createFakeTransport();
  transport.on('roster.exportChoices', () => ({ ok: true, value: { columns: ['memberId', 'lastName', 'firstName', 'status'], format: 'xlsx' } }));
  transport.on('jobs.cancel', () => ({ ok: true, value: { cancelled: true } }));
  const exports = holdCalls(transport, 'roster.export');
  const files = installFakeFiles(transport);
  renderApp('/members', transport);
  const trigger = await screen.findByRole('button', { name: 'Download…' });
  await user.click(trigger);
  const dialog = await screen.findByRole('dialog', { name: 'Download the roster' });
  await within(dialog).findByRole('group', { name: 'Columns' });
  return { user, transport, exports, files, dialog, trigger };
}

describe('Download the roster', () => {
  it('starts from the last download’s columns and format, and says what the current view is', async () => {
    const { user, dialog } = await openDialog();
    const columns = within(dialog).getByRole('group', { name: 'Columns' });
    const ticked = within(columns)
      .getAllByRole('checkbox')
      .filter((c) => (c as HTMLInputElement).checked)
      .map((c) => c.closest('label')?.textContent);
    expect(ticked).toEqual(['Member ID', 'Last name', 'First name', 'Status']);
    expect(within(dialog).getByRole('radio', { name: /^Excel/ })).toBeChecked();
    expect(within(dialog).getByLabelText('As of')).toHaveValue('2026-11-27');
    expect(within(dialog).getByRole('radio', { name: /^The members the roster shows now/ })).toBeChecked();
    expect(within(dialog).getByText('Members status Active or Pending')).toBeInTheDocument();

    await user.click(within(columns).getByRole('button', { name: 'Select all' }));
    expect(within(columns).getAllByRole('checkbox').every((c) => (c as HTMLInputElement).checked)).toBe(true);
    await user.click(within(columns).getByRole('button', { name: 'Select none' }));
    await user.click(within(dialog).getByRole('button', { name: 'Download' }));
    expect(await within(dialog).findByRole('alert', { name: 'Check these before going on' })).toHaveTextContent('Choose at least one column');
  });

  it('sends the choices, shows the core’s progress for its own job, and cancels it', async () => {
    const { user, transport, exports, dialog } = await openDialog();
    const columns = within(dialog).getByRole('group', { name: 'Columns' });
    // Ticked after Status, but the file keeps the picker's order.
    await user.click(within(columns).getByRole('checkbox', { name: 'Email' }));
    await user.click(within(dialog).getByRole('radio', { name: /^CSV/ }));
    await user.click(within(dialog).getByRole('checkbox', { name: 'Excel-friendly' }));
    await user.click(within(dialog).getByRole('button', { name: 'Download' }));

    await waitFor(() => expect(transport.callsTo('roster.export')).toHaveLength(1));
    const input = exports.input();
    expect(input).toEqual({
      groupNumber: '100234',
      jobId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      scope: { kind: 'filtered', statuses: ['active', 'pending'] },
      asOf: '2026-11-27',
      columns: ['memberId', 'lastName', 'firstName', 'email', 'status'],
      format: 'csv',
      excelFriendly: false,
    });
    const bar = await within(dialog).findByRole('progressbar', { name: 'Writing the roster' });
    const cancel = within(dialog).getByRole('button', { name: 'Cancel the download' });
    await waitFor(() => expect(cancel).toHaveFocus());

    act(() => transport.emit({ type: 'job.progress', jobId: input.jobId, done: 60, total: 180 }));
    // Another job's progress is not this one's.
    act(() => transport.emit({ type: 'job.progress', jobId: '11111111-2222-4333-8444-555555555555', done: 170, total: 180 }));
    expect(bar).toHaveAttribute('value', '60');
    expect(bar).toHaveAttribute('max', '180');
    expect(within(dialog).getByText('60 of 180 members')).toBeInTheDocument();

    await user.click(cancel);
    await waitFor(() => expect(transport.callsTo('jobs.cancel')).toEqual([{ jobId: input.jobId }]));
    act(() => exports.answer({ ok: false, error: { code: 'CONFLICT', message: 'The job was cancelled.' } }));
    expect(await within(dialog).findByText('Download cancelled. Nothing was saved.')).toBeInTheDocument();
    expect(within(dialog).queryByRole('progressbar')).not.toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Download' })).toHaveFocus());
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
  });

  it('saves the written file where the user says, announces it and closes', async () => {
    const { user, exports, files, dialog, trigger } = await openDialog();
    await user.click(within(dialog).getByRole('radio', { name: /^Everyone in the group/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Download' }));
    await within(dialog).findByRole('progressbar');
    expect(exports.input()).toMatchObject({ scope: { kind: 'all' }, format: 'xlsx' });
    expect(exports.input()).not.toHaveProperty('excelFriendly');
    act(() => exports.answer({ ok: true, value: { ...written, rows: 180, asOf: '2026-11-27' } }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(files.saveFile).toHaveBeenCalledWith({ fileId: written.fileId, fileName: written.fileName });
    expect(screen.getByRole('status')).toHaveTextContent('roster-100234-2026-11-27.csv saved.');
    await waitFor(() => expect(trigger).toHaveFocus());
  });

  it('shows the core’s refusal in the dialog', async () => {
    const { user, exports, dialog } = await openDialog();
    await user.click(within(dialog).getByRole('button', { name: 'Download' }));
    await within(dialog).findByRole('progressbar');
    act(() => exports.answer({ ok: false, error: { code: 'INTERNAL', message: 'The roster could not be written: the disk is full.' } }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('The roster could not be written: the disk is full.');
  });
});
