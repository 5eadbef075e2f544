import { useRef, useState } from 'react';
import { formatInstant } from '../../components/format';
import type { ContractError, Result } from '@shared/contract';
import type { GroupUser, GroupUsersResponse, Invitation } from '@shared/plan-api/invitations';
import { roleLabels, type Role } from '@shared/contract/roles';
import { useApi } from '../../api/ApiProvider';
import { useQuery } from '../../api/use-query';
import { useGroupStore } from '../../state/group-store';
import { useStatusStore } from '../../state/status-store';
import { useAnnouncer } from '../../state/announcer';
import { useGroupRole, usePermission } from '../../state/permissions';
import { EmptyState, ErrorState } from '../../components/ErrorState';
import { SkeletonBlock } from '../../components/Skeleton';
import { UsersTable } from './UsersTable';
import { InvitationList } from './InvitationList';
import { InviteDialog } from './InviteDialog';
import '../../wizards/common/wizard.css';
import './users.css';

/**
 * The group's users and invitations, for its primary administrator: invite someone with a role,
 * resend or withdraw an access code, change a role, take access away. The plan service does and
 * audits each change (and refuses what would leave the group without a primary administrator).
 */
export function UsersPage() {
  const role = useGroupRole();
  const sessionKnown = useStatusStore((s) => s.session !== null);
  const managesUsers = usePermission('users.manage');
  if (managesUsers) return <ManageUsers />;
  return (
    <div className="page">
      <div className="page-header">
        <h1 className="page-title">Users</h1>
      </div>
      {role === null && !sessionKnown ? (
        <SkeletonBlock label="Checking your role…" lines={4} />
      ) : (
        <EmptyState title="Only the group’s primary administrator manages its users">
          <p>{role ? `Your role in this group is ${roleLabels[role]}.` : 'You have no role in this group.'} Ask its primary administrator to invite or change users.</p>
        </EmptyState>
      )}
    </div>
  );
}

function ManageUsers() {
  const api = useApi();
  const announce = useAnnouncer((s) => s.announce);
  const groupNumber = useGroupStore((s) => s.groupNumber) ?? '';
  const selfId = useStatusStore((s) => s.session?.user?.userId ?? null);
  const list = useQuery('users.list', { groupNumber });
  // A change answers with the whole list; it is shown until the next read replaces the list it changed.
  const [answer, setAnswer] = useState<{ over: GroupUsersResponse | null; value: GroupUsersResponse } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ContractError | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  const data = answer !== null && answer.over === list.data ? answer.value : list.data;

  const usersTitle = useRef<HTMLHeadingElement>(null);

  const change = async (run: () => Promise<Result<GroupUsersResponse>>, done: string, after?: () => void) => {
    setBusy(true);
    const result = await run();
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    setAnswer({ over: list.data, value: result.value });
    announce(done);
    after?.();
  };
  const changeRole = (user: GroupUser, role: Role) =>
    void change(() => api.call('users.changeRole', { groupNumber, userId: user.userId, role }), `${user.name} is now ${roleLabels[role]}.`);
  // The Remove button that had the focus leaves with its row: the focus goes to the list instead of the page's body.
  const remove = (user: GroupUser) =>
    void change(() => api.call('users.remove', { groupNumber, userId: user.userId }), `${user.name} no longer has access to this group.`, () => usersTitle.current?.focus());

  const onInvitation = async (invitation: Invitation, method: 'users.resendInvitation' | 'users.revokeInvitation') => {
    setBusy(true);
    const result = await api.call(method, { groupNumber, invitationId: invitation.id });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setError(null);
    const words =
      method === 'users.resendInvitation'
        ? `A new access code was sent to ${result.value.email}. It expires on ${formatInstant(result.value.expiresAt)}; the earlier code no longer works.`
        : `The invitation to ${result.value.name} was withdrawn; its code no longer works.`;
    setSent(words);
    list.reload();
  };

  const onInvited = (invitation: Invitation) => {
    const words = `Invitation sent to ${invitation.email}. The access code expires on ${formatInstant(invitation.expiresAt)}.`;
    setSent(words);
    setError(null);
    list.reload();
  };

  return (
    <div className="page page-users">
      <div className="page-header">
        <h1 className="page-title">Users</h1>
        <InviteDialog groupNumber={groupNumber} onInvited={onInvited} />
      </div>
      {/* Always there, so filling it is announced. */}
      <p role="status" className="users-sent">
        {sent}
      </p>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
      {list.status === 'error' && !data ? (
        <ErrorState title="The group’s users could not be loaded" error={list.error} onRetry={list.reload} />
      ) : !data ? (
        <SkeletonBlock label="Loading the group’s users…" lines={6} />
      ) : (
        <>
          <section className="card" aria-labelledby="users-title">
            <h2 id="users-title" ref={usersTitle} tabIndex={-1} className="card-title visually-hidden">
              People with access
            </h2>
            <UsersTable users={data.users} selfId={selfId} busy={busy} onChangeRole={changeRole} onRemove={remove} />
          </section>
          <section className="card" aria-labelledby="invitations-title">
            <h2 id="invitations-title" className="card-title">
              Invitations
            </h2>
            <InvitationList
              invitations={data.invitations}
              busy={busy}
              onResend={(i) => void onInvitation(i, 'users.resendInvitation')}
              onRevoke={(i) => void onInvitation(i, 'users.revokeInvitation')}
            />
          </section>
        </>
      )}
    </div>
  );
}
