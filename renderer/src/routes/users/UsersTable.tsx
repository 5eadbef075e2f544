import type { GroupUser } from '@shared/plan-api/invitations';
import { roleLabels, roles, type Role } from '@shared/contract/roles';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TableScroll } from '../../components/TableScroll';

interface Props {
  users: GroupUser[];
  /** The signed-in user: their own role and access are not theirs to change (the plan refuses it). */
  selfId: string | null;
  busy: boolean;
  onChangeRole: (user: GroupUser, role: Role) => void;
  onRemove: (user: GroupUser) => void;
}

/** The group's users with their roles; the primary administrator changes a role in place or removes a user after a confirm. */
export function UsersTable({ users, selfId, busy, onChangeRole, onRemove }: Props) {
  return (
    <TableScroll labelledBy="users-caption">
      <table className="table users-table">
        <caption id="users-caption" className="visually-hidden">
          Users of this group
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">User ID</th>
            <th scope="col">E-mail</th>
            <th scope="col">Role</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => {
            const self = u.userId === selfId;
            return (
              <tr key={u.userId}>
                <th scope="row">
                  {u.name}
                  {self && <span className="muted"> (you)</span>}
                </th>
                <td className="mono">{u.userId}</td>
                <td>{u.email}</td>
                <td>
                  <select
                    className="select"
                    aria-label={`Role for ${u.name}`}
                    value={u.role}
                    disabled={busy || self}
                    title={self ? 'Another primary administrator can change your role' : undefined}
                    onChange={(e) => onChangeRole(u, e.target.value as Role)}
                  >
                    {roles.map((r) => (
                      <option key={r} value={r}>
                        {roleLabels[r]}
                      </option>
                    ))}
                  </select>
                </td>
                <td className="users-actions">{!self && <RemoveButton user={u} disabled={busy} onConfirm={() => onRemove(u)} />}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

function RemoveButton({ user, disabled, onConfirm }: { user: GroupUser; disabled: boolean; onConfirm: () => void }) {
  return (
    <ConfirmDialog
      trigger={
        <button type="button" className="button button-ghost" disabled={disabled}>
          Remove {user.name}
        </button>
      }
      title={`Remove ${user.name}?`}
      description={`${user.name} (${user.userId}) loses access to this group at once: its data is removed from their computer at their next sync. You can invite them again later.`}
      cancelLabel={`Keep ${user.name}`}
      confirmLabel="Remove"
      tone="danger"
      onConfirm={onConfirm}
    />
  );
}
