import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import type { Role } from '@shared/contract/roles';
import { renderApp } from '../../test-support/render-app';
import { createFakeTransport, sessionWithRoles } from '../../test-support/fake-transport';

const theGrid = () => screen.getByRole('grid', { name: 'Members' });

/** The roster's real rows are in (the placeholder grid's rows are all busy). */
async function rosterLoaded() {
  await waitFor(() => {
    const rows = within(theGrid()).getAllByRole('row');
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.filter((r) => r.getAttribute('aria-busy') === 'true')).toEqual([]);
  });
}

function renderAs(role: Role, path: string) {
  const transport = createFakeTransport();
  transport.on('session.get', () => ({ ok: true, value: sessionWithRoles({ '100234': role }, 'remote') }));
  return renderApp(path, transport);
}

describe('Roles shape the member screens', () => {
  it('shows a read-only user the roster without enrolling or bulk actions, and says why', async () => {
    renderAs('read_only', '/members');
    expect(await screen.findByText('Read-only: you can view members but not change them.')).toBeInTheDocument();
    await rosterLoaded();
    const grid = theGrid();
    expect(screen.queryByRole('link', { name: 'Enroll an employee' })).not.toBeInTheDocument();
    // Downloading only reads; importing a file changes members.
    expect(screen.getByRole('button', { name: 'Download…' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Import a file…' })).not.toBeInTheDocument();
    expect(within(grid).queryAllByRole('checkbox')).toEqual([]);
    expect(grid).not.toHaveAttribute('aria-multiselectable');
  });

  it('offers an administrator everything', async () => {
    renderAs('admin', '/members');
    expect(await screen.findByRole('link', { name: 'Enroll an employee' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Import a file…' })).toHaveAttribute('href', '/members/import');
    expect(screen.getByRole('button', { name: 'Download…' })).toBeInTheDocument();
    await rosterLoaded();
    expect(screen.getByRole('checkbox', { name: 'Select all matching members' })).toBeInTheDocument();
    expect(within(theGrid()).getAllByRole('checkbox', { name: /^Select / }).length).toBeGreaterThan(2);
    expect(screen.queryByText(/you can view members but not change them/)).not.toBeInTheDocument();
  });

  it('answers a read-only user who opens the import address with why, and checks no file', async () => {
    const { transport } = renderAs('read_only', '/members/import');
    expect(await screen.findByRole('heading', { name: 'Your role (Read-only) cannot change members.' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Choose file…' })).not.toBeInTheDocument();
    expect(transport.callsTo('roster.importCheck')).toEqual([]);
  });

  it('shows a read-only user a member without its actions', async () => {
    renderAs('read_only', '/members/100234001');
    expect(await screen.findByText('Read-only: you can view this member but not change them.')).toBeInTheDocument();
    expect(screen.queryByRole('navigation', { name: 'Member actions' })).not.toBeInTheDocument();
    for (const name of ['Terminate', 'Add a dependent', 'Update demographics', 'Request ID card']) expect(screen.queryByRole('link', { name })).not.toBeInTheDocument();
  });

  it('offers a billing user no Members page, no member search and no counts, and answers the roster’s address with why', async () => {
    const { transport } = renderAs('billing', '/members');
    expect(await screen.findByRole('heading', { name: 'Your role (Billing) does not include the group’s members.' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Members' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Find a member/ })).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Group' })).toHaveTextContent(/^Harbor Logistics Inc\. · 100234 · balance \$41,822\.50$/);
    screen.getByRole('link', { name: 'Go to Dashboard' }).click();
    expect(await screen.findByRole('heading', { name: 'Billing: you see this group’s invoices and balance.' })).toBeInTheDocument();
    for (const method of ['members.list', 'members.get', 'dashboard.counts'] as const) expect(transport.callsTo(method)).toEqual([]);
  });

  it.each(['/enroll', '/members/100234001/terminate', '/members/100234001/add-dependent', '/members/100234001/demographics', '/id-cards?members=100234001'])(
    'answers a direct address to a wizard (%s) with what the role cannot do',
    async (path) => {
      const { transport } = renderAs('billing', path);
      expect(await screen.findByRole('heading', { name: 'Your role (Billing) does not include the group’s members.' })).toBeInTheDocument();
      expect(screen.getByRole('link', { name: 'Go to Dashboard' })).toBeInTheDocument();
      expect(transport.callsTo('drafts.list')).toEqual([]);
    },
  );
});
