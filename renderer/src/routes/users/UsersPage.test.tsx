import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { GroupUsersResponse, Invitation } from '@shared/plan-api/invitations';
import type { Role } from '@shared/contract/roles';
import { renderApp } from '../../test-support/render-app';
import { createFakeTransport, sessionWithRoles } from '../../test-support/fake-transport';

const invitation = (id: number, name: string, status: Invitation['status']): Invitation => ({
  id,
  groupNumber: '100234',
  name,
  email: `${name.split(' ')[0]?.toLowerCase()}@harbor.example`,
  role: 'read_only',
  status,
  invitedBy: 'sandbox.admin',
  createdAt: '2026-11-20T10:00:00.000Z',
  sentAt: '2026-11-20T10:00:00.000Z',
  expiresAt: '2026-11-27T10:00:00.000Z',
  acceptedBy: status === 'accepted' ? 'pat.lee' : null,
  acceptedAt: status === 'accepted' ? '2026-11-21T08:00:00.000Z' : null,
});

const start: GroupUsersResponse = {
  users: [
    { userId: 'sandbox.admin', name: 'Sandbox Administrator', email: 'admin@sandbox.example', role: 'primary_admin', grantedAt: '2026-01-02T09:00:00.000Z', grantedBy: 'ops' },
    { userId: 'rita.r', name: 'Rita Reader', email: 'rita@harbor.example', role: 'read_only', grantedAt: '2026-03-02T09:00:00.000Z', grantedBy: 'sandbox.admin' },
  ],
  invitations: [invitation(7, 'Omar Haddad', 'pending'), invitation(6, 'Kim Park', 'expired'), invitation(5, 'Pat Lee', 'accepted')],
};

function renderUsers(role: Role = 'primary_admin') {
  const transport = createFakeTransport();
  transport.on('session.get', () => ({ ok: true, value: sessionWithRoles({ '100234': role, '200587': 'read_only' }) }));
  let current = start;
  transport.on('users.list', () => ({ ok: true, value: current }));
  const view = renderApp('/users', transport);
  return { ...view, setList: (next: GroupUsersResponse) => (current = next) };
}

describe('Users', () => {
  it('lists the users with their roles and the invitations with what can be done to each', async () => {
    renderUsers();
    expect(await screen.findByRole('heading', { level: 1, name: 'Users' })).toBeInTheDocument();
    expect(await screen.findByRole('combobox', { name: 'Role for Rita Reader' })).toHaveDisplayValue('Read-only');
    // One's own role and access are another primary administrator's to change.
    expect(screen.getByRole('combobox', { name: 'Role for Sandbox Administrator' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Remove Sandbox Administrator' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove Rita Reader' })).toBeInTheDocument();

    const invitations = screen.getByRole('region', { name: 'Invitations' });
    expect(within(invitations).getByRole('button', { name: 'Resend invitation to Omar Haddad' })).toBeInTheDocument();
    expect(within(invitations).getByRole('button', { name: 'Revoke invitation to Omar Haddad' })).toBeInTheDocument();
    expect(within(invitations).getByRole('button', { name: 'Resend invitation to Kim Park' })).toBeInTheDocument();
    expect(within(invitations).queryByRole('button', { name: 'Revoke invitation to Kim Park' })).not.toBeInTheDocument();
    expect(within(invitations).queryByRole('button', { name: /invitation to Pat Lee/ })).not.toBeInTheDocument();
    expect(within(invitations).getByText('Expired')).toBeInTheDocument();
    // Only a primary administrator finds Users in the navigation.
    expect(within(screen.getByRole('navigation', { name: 'Main' })).getByRole('link', { name: 'Users' })).toBeInTheDocument();
  });

  it('changes a role at once and shows the plan’s answer, or its refusal with the role unchanged', async () => {
    const user = userEvent.setup();
    const { transport } = renderUsers();
    transport.on('users.changeRole', (input) => ({ ok: true, value: { ...start, users: start.users.map((u) => (u.userId === input.userId ? { ...u, role: input.role } : u)) } }));
    const select = await screen.findByRole('combobox', { name: 'Role for Rita Reader' });
    await user.selectOptions(select, 'Billing');
    await waitFor(() => expect(select).toHaveDisplayValue('Billing'));
    expect(transport.callsTo('users.changeRole')).toEqual([{ groupNumber: '100234', userId: 'rita.r', role: 'billing' }]);

    transport.on('users.changeRole', () => ({ ok: false, error: { code: 'RULE', message: 'A group keeps at least one primary administrator.' } }));
    await user.selectOptions(select, 'Administrator');
    expect(await screen.findByRole('alert')).toHaveTextContent('A group keeps at least one primary administrator.');
    expect(select).toHaveDisplayValue('Billing');
  });

  it('removes a user only after a confirm', async () => {
    const user = userEvent.setup();
    const { transport } = renderUsers();
    transport.on('users.remove', () => ({ ok: true, value: { ...start, users: start.users.slice(0, 1) } }));
    await user.click(await screen.findByRole('button', { name: 'Remove Rita Reader' }));
    const confirm = await screen.findByRole('alertdialog', { name: 'Remove Rita Reader?' });
    await user.click(within(confirm).getByRole('button', { name: 'Keep Rita Reader' }));
    expect(transport.callsTo('users.remove')).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Remove Rita Reader' }));
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(screen.queryByRole('combobox', { name: 'Role for Rita Reader' })).not.toBeInTheDocument());
    expect(transport.callsTo('users.remove')).toEqual([{ groupNumber: '100234', userId: 'rita.r' }]);
    // The button that had the focus went with the row: the focus goes to the list, not to the page's body.
    expect(screen.getByRole('heading', { name: 'People with access' })).toHaveFocus();
  });

  it('resends and revokes an invitation, and says what happened', async () => {
    const user = userEvent.setup();
    const { transport, setList } = renderUsers();
    transport.on('users.resendInvitation', () => ({ ok: true, value: { ...invitation(6, 'Kim Park', 'pending'), sentAt: '2026-11-27T10:00:00.000Z', expiresAt: '2026-12-04T05:00:00.000Z' } }));
    await user.click(await screen.findByRole('button', { name: 'Resend invitation to Kim Park' }));
    // An instant shows its year only when it is not the current one, so the pattern allows both.
    expect(await screen.findByText(/^A new access code was sent to kim@harbor\.example\. It expires on Dec 4(, 2026)?, \d\d:\d\d; the earlier code no longer works\.$/)).toBeInTheDocument();
    expect(transport.callsTo('users.resendInvitation')).toEqual([{ groupNumber: '100234', invitationId: 6 }]);

    transport.on('users.revokeInvitation', () => ({ ok: true, value: invitation(7, 'Omar Haddad', 'revoked') }));
    setList({ ...start, invitations: [invitation(7, 'Omar Haddad', 'revoked')] });
    await user.click(screen.getByRole('button', { name: 'Revoke invitation to Omar Haddad' }));
    expect(await screen.findByText('The invitation to Omar Haddad was withdrawn; its code no longer works.')).toBeInTheDocument();
    expect(await screen.findByText('Revoked')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Revoke invitation to Omar Haddad' })).not.toBeInTheDocument();
  });

  it('invites a user: checks the dialog’s fields, shows the plan’s refusal in it, then says where the code went', async () => {
    const user = userEvent.setup();
    const { transport } = renderUsers();
    await user.click(await screen.findByRole('button', { name: 'Invite a user' }));
    const dialog = await screen.findByRole('dialog', { name: 'Invite a user' });
    expect(within(dialog).getByRole('heading', { level: 2, name: 'Invite a user' })).toBeInTheDocument();
    expect(within(within(dialog).getByLabelText(/^Role/)).getAllByRole('option').map((o) => o.textContent)).toEqual(['Choose a role…', 'Administrator', 'Billing', 'Read-only']);
    await user.click(within(dialog).getByRole('button', { name: 'Send invitation' }));
    // Every problem at once, in a summary that takes focus, each beside its field too.
    const problems = await within(dialog).findByRole('alert', { name: 'Check these before going on' });
    await waitFor(() => expect(problems).toHaveFocus());
    expect(within(problems).getAllByRole('link').map((a) => a.textContent)).toEqual([
      'Enter the name of the person to invite',
      'Enter their e-mail address: the access code is sent there',
      'Choose the role they will have',
    ]);
    expect(within(dialog).getByLabelText(/^Role/)).toHaveAccessibleDescription(expect.stringContaining('Choose the role they will have'));
    expect(transport.callsTo('users.invite')).toEqual([]);

    await user.type(within(dialog).getByLabelText('Name'), 'Omar Haddad');
    await user.type(within(dialog).getByLabelText('E-mail address'), 'omar@harbor.example');
    await user.selectOptions(within(dialog).getByLabelText(/^Role/), 'Read-only');
    transport.on('users.invite', () => ({ ok: false, error: { code: 'CONFLICT', message: 'omar@harbor.example already has a pending invitation: resend it instead.' } }));
    await user.click(within(dialog).getByRole('button', { name: 'Send invitation' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('resend it instead');

    transport.on('users.invite', (input) => ({ ok: true, value: { ...invitation(8, input.name, 'pending'), email: input.email, expiresAt: '2026-12-04T05:00:00.000Z' } }));
    await user.click(within(dialog).getByRole('button', { name: 'Send invitation' }));
    expect(await screen.findByText(/^Invitation sent to omar@harbor\.example\. The access code expires on Dec 4(, 2026)?, \d\d:\d\d\.$/)).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(transport.callsTo('users.invite').at(-1)).toEqual({ groupNumber: '100234', name: 'Omar Haddad', email: 'omar@harbor.example', role: 'read_only' });
  });

  it('is not offered to other roles, and says why at its address', async () => {
    const { transport } = renderUsers('admin');
    expect(await screen.findByText('Only the group’s primary administrator manages its users')).toBeInTheDocument();
    expect(screen.getByText(/Your role in this group is Administrator\./)).toBeInTheDocument();
    expect(within(screen.getByRole('navigation', { name: 'Main' })).queryByRole('link', { name: 'Users' })).not.toBeInTheDocument();
    expect(transport.callsTo('users.list')).toEqual([]);
  });
});
