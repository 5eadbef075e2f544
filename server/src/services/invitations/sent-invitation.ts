import { eq } from 'drizzle-orm';
import { roleLabels } from '@shared/contract/roles';
import { formatAccessCode, INVITATION_TTL_DAYS, type Invitation } from '@shared/plan-api/invitations';
import type { OutgoingMail } from '../../mail/mailer';
import { invitationMail } from '../../mail/templates';
import type { Db } from '../../store/db';
import { users } from '../../store/schema';
import { planInstant } from '@shared/util/date-format';
import { invitationView, type InvitationRow } from './invitation-view';

/** An invitation just (re)sent, and the e-mail carrying its code, for the route to deliver after commit. */
export interface SentInvitation {
  invitation: Invitation;
  mail: OutgoingMail;
}

/** When a code sent now stops working. */
export const codeExpiry = (now: Date): Date => new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 3_600_000);

export async function sentInvitation(tx: Db, row: InvitationRow, code: string, context: { companyName: string; publicUrl: string; now: Date }): Promise<SentInvitation> {
  const [inviter] = await tx.select({ name: users.name }).from(users).where(eq(users.userId, row.invitedBy)).limit(1);
  const mail = invitationMail({
    to: row.email,
    name: row.name,
    inviterName: inviter?.name ?? 'The primary administrator',
    companyName: context.companyName,
    groupNumber: row.groupNumber,
    roleLabel: roleLabels[row.role],
    code: formatAccessCode(code),
    expiresOn: planInstant(row.expiresAt.toISOString()),
    publicUrl: context.publicUrl,
  });
  return { invitation: invitationView(row, context.now), mail };
}
