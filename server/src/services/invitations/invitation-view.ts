import type { Invitation, InvitationStatus } from '@shared/plan-api/invitations';
import type { invitations } from '../../store/schema';

export type InvitationRow = typeof invitations.$inferSelect;

/** Expiry is not stored as a status: an invitation is expired from the moment its 7 days are up. */
export function invitationStatusOf(row: Pick<InvitationRow, 'acceptedAt' | 'revokedAt' | 'expiresAt'>, now: Date): InvitationStatus {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'pending';
}

/** The invitation as the API shows it: never the code or its hash. */
export function invitationView(row: InvitationRow, now: Date): Invitation {
  return {
    id: row.id,
    groupNumber: row.groupNumber,
    name: row.name,
    email: row.email,
    role: row.role,
    status: invitationStatusOf(row, now),
    invitedBy: row.invitedBy,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    acceptedBy: row.acceptedBy,
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
  };
}

/**
 * `2026-12-04`: an expiry day as a refusal names it, a plan date (the service keeps UTC) that the
 * screen writes in its reader's format.
 */
export const expiryDay = (instant: Date): string => instant.toISOString().slice(0, 10);
