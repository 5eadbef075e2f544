import type { Invitation } from '@shared/plan-api/invitations';
import { formatInstant } from '../../components/format';
import { roleLabels } from '@shared/contract/roles';
import { TableScroll } from '../../components/TableScroll';

const statusWords: Record<Invitation['status'], { label: string; badge: string }> = {
  pending: { label: 'Pending', badge: 'badge-tx-queued' },
  accepted: { label: 'Accepted', badge: 'badge-tx-accepted' },
  expired: { label: 'Expired', badge: 'badge-tx-cancelled' },
  revoked: { label: 'Revoked', badge: 'badge-tx-rejected' },
};

function When({ invitation: i }: { invitation: Invitation }) {
  switch (i.status) {
    case 'pending':
      return <>Sent {formatInstant(i.sentAt)}; the code expires on {formatInstant(i.expiresAt)}</>;
    case 'expired':
      return <>The code expired on {formatInstant(i.expiresAt)}</>;
    case 'accepted':
      return <>Joined {i.acceptedAt ? formatInstant(i.acceptedAt) : ''} as {i.acceptedBy ?? 'a user'}</>;
    case 'revoked':
      return <>Withdrawn; its code no longer works</>;
  }
}

interface Props {
  invitations: Invitation[];
  busy: boolean;
  onResend: (invitation: Invitation) => void;
  onRevoke: (invitation: Invitation) => void;
}

/** The last 30 days' invitations, pending first (the plan's order): a lapsed code can be sent again, a pending one withdrawn. */
export function InvitationList({ invitations, busy, onResend, onRevoke }: Props) {
  if (invitations.length === 0) return <p className="muted">No invitations in the last 30 days.</p>;
  return (
    <TableScroll labelledBy="invitations-caption">
      <table className="table invitations-table">
        <caption id="invitations-caption" className="visually-hidden">
          Sent in the last 30 days
        </caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">E-mail</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invitations.map((i) => (
            <tr key={i.id}>
              <th scope="row">{i.name}</th>
              <td>{i.email}</td>
              <td>{roleLabels[i.role]}</td>
              <td>
                <span className={`badge ${statusWords[i.status].badge}`}>{statusWords[i.status].label}</span>
                <span className="users-when">
                  <When invitation={i} />
                </span>
              </td>
              <td className="users-actions">
                {(i.status === 'pending' || i.status === 'expired') && (
                  <button type="button" className="button" disabled={busy} aria-label={`Resend invitation to ${i.name}`} onClick={() => onResend(i)}>
                    Resend
                  </button>
                )}
                {i.status === 'pending' && (
                  <button type="button" className="button button-ghost" disabled={busy} aria-label={`Revoke invitation to ${i.name}`} onClick={() => onRevoke(i)}>
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
