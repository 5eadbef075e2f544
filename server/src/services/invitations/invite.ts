import type { InvitationInput } from '@shared/plan-api/invitations';
import type { Db } from '../../store/db';
import { invitations } from '../../store/schema';
import { recordAudit } from '../audit';
import type { Actor } from '../groups/create-group';
import { lockGroupForManager } from '../groups/grant-role';
import { accessCodeHash, newAccessCode } from './access-code';
import { refuseDuplicateInvitation } from './guards';
import { codeExpiry, sentInvitation, type SentInvitation } from './sent-invitation';

/**
 * A primary administrator invites someone by name and e-mail with a role. The code is kept only
 * as its hash; the e-mail returned is the one place it is written out, sent after commit.
 */
export async function inviteUser(db: Db, groupNumber: string, input: InvitationInput, actor: Actor, context: { now: Date; publicUrl: string }): Promise<SentInvitation> {
  const { now } = context;
  const email = input.email.trim().toLowerCase();
  return db.transaction(async (tx) => {
    const group = await lockGroupForManager(tx, groupNumber, actor.actorUserId);
    await refuseDuplicateInvitation(tx, groupNumber, email, now);
    const code = newAccessCode();
    const [row] = await tx
      .insert(invitations)
      .values({ groupNumber, name: input.name.trim(), email, role: input.role, accessCodeHash: accessCodeHash(code), invitedBy: actor.actorUserId, sentAt: now, expiresAt: codeExpiry(now), createdAt: now })
      .returning();
    if (!row) throw new Error('The invitation insert returned no row');
    await recordAudit(tx, { ...actor, action: 'invitation.create', target: `invitation:${row.id}`, detail: { groupNumber, role: row.role }, at: now });
    return sentInvitation(tx, row, code, { companyName: group.name, publicUrl: context.publicUrl, now });
  });
}
