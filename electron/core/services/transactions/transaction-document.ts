import { ContractFailure } from '@shared/contract';
import type { Relationship } from '@shared/contract/schemas/member';
import type { TransactionStatus } from '@shared/contract/schemas/transaction';
import type { IdCardRequest } from '@shared/plan-api/eligibility';
import { renderIdCardRequestForm } from '../../exports/id-card-request-form';
import { findGroup } from '../../store/repositories/groups-repository';
import { statement } from '../../store/statements';
import type { Store } from '../../store/store';
import { idCardReasonLabels } from '@shared/domain/id-card-reasons';
import { requireOutboxRow } from '../../outbox/outbox-repository';

const statusWords: Record<TransactionStatus, string> = {
  draft: 'Draft',
  queued: 'Waiting to be sent to the plan',
  sent: 'Sent, waiting for the plan',
  accepted: 'Accepted by the plan',
  rejected: 'Rejected by the plan',
  cancelled: 'Cancelled before it was sent',
  corrected: 'Rejected, then corrected and resent',
};

/** The printable record of a transaction: the ID-card request form (the only kind that has one). */
export async function transactionDocument(store: Store, groupNumber: string, id: number, today: string, now: string) {
  const row = requireOutboxRow(store.db, groupNumber, id);
  if (row.kind !== 'id_cards') throw new ContractFailure('NOT_FOUND', `Transaction #${id} has no printable form: only ID card requests do.`, { id: 'No printable form' });
  const group = findGroup(store.db, groupNumber, today);
  if (group === null) throw new ContractFailure('NOT_FOUND', `Group ${groupNumber} is not on this computer.`);
  const request = JSON.parse(row.payload) as IdCardRequest;
  const nameOf = statement(store.db, 'SELECT first_name, middle_name, last_name, suffix, relationship FROM members WHERE member_id = ? AND group_number = ?');
  const members = request.memberIds.map((memberId) => {
    const m = nameOf.get(memberId, groupNumber) as { first_name: string; middle_name: string | null; last_name: string; suffix: string | null; relationship: Relationship } | undefined;
    const name = m === undefined ? '—' : [m.first_name, m.middle_name, m.last_name, m.suffix].filter((s) => s !== null && s !== '').join(' ');
    return { memberId, name, relationship: m?.relationship ?? null };
  });
  const pdf = await renderIdCardRequestForm({
    group: { groupNumber, name: group.name, address: group.address },
    transactionId: row.id,
    members,
    reason: idCardReasonLabels[request.reason],
    shipTo: request.shipTo,
    requestedBy: row.created_by,
    requestedAt: row.created_at,
    status: statusWords[row.status],
    confirmationNumber: row.status === 'accepted' ? row.confirmation_number : null,
    generatedAt: now,
  });
  return { fileName: `id-card-request-${groupNumber}-${row.id}.pdf`, contentType: 'application/pdf' as const, base64: pdf.toString('base64') };
}
