import type { Database } from 'better-sqlite3';
import type { ActivityPage } from '@shared/contract/methods/transactions';
import { transactionStatuses, type TransactionStatus } from '@shared/contract/schemas/transaction';
import { statement } from '../../store/statements';
import { outboxPage, toActivityItem } from '../../outbox/outbox-repository';

export interface ActivityQuery {
  groupNumber: string;
  status?: TransactionStatus[] | undefined;
  memberId?: string | undefined;
  offset: number;
  limit: number;
}

/**
 * The Activity list, newest first. Wizard drafts are not outbox rows: they are counted under
 * `draft` for the tab's badge and listed by `drafts.list`.
 */
export function listActivity(db: Database, q: ActivityQuery): ActivityPage {
  const params = { group: q.groupNumber, member: q.memberId ?? null };
  const { rows, total, byStatus } = outboxPage(db, { groupNumber: q.groupNumber, memberId: params.member, statuses: q.status ?? null, offset: q.offset, limit: q.limit });
  const counts = Object.fromEntries(transactionStatuses.map((s) => [s, 0])) as Record<TransactionStatus, number>;
  for (const { status, n } of byStatus) counts[status] += n;
  counts.draft += Number(
    statement(
      db,
      // Never submitted: a rejected transaction's draft is counted as the rejection it corrects.
      `SELECT count(*) FROM wizard_drafts WHERE group_number = @group AND (@member IS NULL OR member_id = @member) AND outbox_ref IS NULL`,
    )
      .pluck()
      .get({ group: params.group, member: params.member }),
  );
  return { total, items: rows.map((row) => toActivityItem(db, row)), countsByStatus: counts };
}
