import type { Database } from 'better-sqlite3';
import type { ActivityPage } from '@shared/contract/methods/transactions';
import { transactionStatuses, type TransactionStatus } from '@shared/contract/schemas/transaction';
import { statement } from '../../store/statements';
import { toActivityItem, type OutboxRecord } from '../../outbox/outbox-rows';

export interface ActivityQuery {
  groupNumber: string;
  status?: TransactionStatus[] | undefined;
  memberId?: string | undefined;
  offset: number;
  limit: number;
}

const byGroupAndMember = `group_number = @group AND (@member IS NULL OR id IN (SELECT outbox_ref FROM outbox_members WHERE member_id = @member))`;

/**
 * The Activity list, newest first. Wizard drafts are not outbox rows: they are counted under
 * `draft` for the tab's badge and listed by `drafts.list`.
 */
export function listActivity(db: Database, q: ActivityQuery): ActivityPage {
  const params = { group: q.groupNumber, member: q.memberId ?? null, statuses: q.status === undefined ? null : JSON.stringify(q.status) };
  const where = `${byGroupAndMember} AND (@statuses IS NULL OR status IN (SELECT value FROM json_each(@statuses)))`;
  const rows = statement(db, `SELECT * FROM outbox WHERE ${where} ORDER BY id DESC LIMIT @limit OFFSET @offset`).all({ ...params, limit: q.limit, offset: q.offset }) as OutboxRecord[];
  const total = Number(statement(db, `SELECT count(*) FROM outbox WHERE ${where}`).pluck().get(params));
  const counts = Object.fromEntries(transactionStatuses.map((s) => [s, 0])) as Record<TransactionStatus, number>;
  const grouped = statement(db, `SELECT status, count(*) AS n FROM outbox WHERE ${byGroupAndMember} GROUP BY status`).all({ group: params.group, member: params.member }) as {
    status: TransactionStatus;
    n: number;
  }[];
  for (const { status, n } of grouped) counts[status] += n;
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
