import { inArray, sql } from 'drizzle-orm';
import type { TransactionAccepted, TransactionKind, TransactionRecord } from '@shared/plan-api/eligibility';
import type { MemberView } from '@shared/plan-api/members';
import { maskSsn } from '@shared/util/mask';
import type { Db } from '../../store/db';
import { coveragePeriods, members } from '../../store/schema';
import { appendChanges, type ChangeToRecord } from '../changes/append';
import { todayOf, type Actor, type EligibilityEnv, type GroupRules } from './context';
import { memberView, memberViewsById } from './member-views';
import type { NewPeriod, RetierPlan } from './retier';
import { ssnConflict } from './ssn-duplicates';
import { coverageSnapshot, memberSnapshot, type CoverageRow, type MemberRow } from './snapshots';

export type NewMember = typeof members.$inferInsert;

/**
 * One eligibility transaction's writes, collected so that the transaction row, the audit entry and
 * the change-feed rows are written with them in the same database transaction, and the feed's
 * lock is taken only at the very end (services/changes/append.ts).
 */
export class EligibilityWork {
  readonly at: Date;
  readonly today: string;
  private readonly written = new Map<string, MemberRow>();
  private readonly touched = new Set<string>();
  private readonly coverage = new Map<number, CoverageRow>();
  /** Periods this transaction wrote and periods it end-dated: they name its confirmation number (billing adjustments cite it). */
  private readonly insertedPeriods = new Set<number>();
  private readonly endedPeriods = new Set<number>();
  /** Periods read before any write (the locked family), so answers need no second read. */
  private readonly knownPeriods = new Map<number, CoverageRow>();
  private readonly knownHistories = new Set<string>();

  constructor(
    readonly tx: Db,
    readonly env: EligibilityEnv,
    readonly rules: GroupRules,
    readonly actor: Actor,
  ) {
    this.at = env.now();
    this.today = todayOf(env);
  }

  /** Declares the complete coverage history of these members as already read (lockFamily). */
  knowHistories(memberIds: readonly string[], periods: readonly CoverageRow[]): void {
    for (const id of memberIds) this.knownHistories.add(id);
    for (const p of periods) this.knownPeriods.set(p.id, p);
  }

  async insertMembers(rows: readonly Omit<NewMember, 'updatedAt' | 'version'>[]): Promise<void> {
    if (rows.length === 0) return;
    const inserted = await this.tx
      .insert(members)
      .values(rows.map((r) => ({ ...r, version: 1, updatedAt: this.at })))
      .returning()
      .catch((error: unknown) => Promise.reject(ssnConflict(error) ?? error));
    for (const row of inserted) {
      this.written.set(row.memberId, row);
      // A new member's whole history is what this transaction writes.
      this.knownHistories.add(row.memberId);
    }
  }

  /** Updates a member's own fields and raises its version. */
  async updateMember(memberId: string, set: Partial<NewMember>): Promise<void> {
    const [row] = await this.tx
      .update(members)
      .set({ ...set, version: sql`${members.version} + 1`, updatedAt: this.at })
      .where(inArray(members.memberId, [memberId]))
      .returning()
      .catch((error: unknown) => Promise.reject(ssnConflict(error) ?? error));
    if (row) this.written.set(row.memberId, row);
  }

  /** A member whose coverage changed: its version rises at commit. */
  touch(memberId: string): void {
    this.touched.add(memberId);
  }

  async insertPeriods(periods: readonly NewPeriod[]): Promise<CoverageRow[]> {
    if (periods.length === 0) return [];
    const inserted = await this.tx
      .insert(coveragePeriods)
      .values(periods.map((p) => ({ ...p, groupNumber: this.rules.groupNumber, createdAt: this.at })))
      .returning();
    for (const row of inserted) {
      this.coverage.set(row.id, row);
      this.insertedPeriods.add(row.id);
      this.touch(row.memberId);
    }
    return inserted;
  }

  /** End-dates periods: the only change a coverage period ever takes. */
  async endPeriods(endings: RetierPlan['endings']): Promise<void> {
    if (endings.length === 0) return;
    const list = JSON.stringify(endings.map((e) => ({ id: e.id, end: e.endDate, why: e.endReason })));
    const updated = await this.tx.execute<{ id: string | number }>(sql`
      UPDATE coverage_periods c SET end_date = (e.value->>'end')::date, end_reason = e.value->>'why'
      FROM jsonb_array_elements(${list}::jsonb) AS e(value)
      WHERE c.id = (e.value->>'id')::bigint
      RETURNING c.id`);
    const ids = updated.rows.map((r) => Number(r.id));
    for (const id of ids) this.endedPeriods.add(id);
    const rows = await this.tx.select().from(coveragePeriods).where(inArray(coveragePeriods.id, ids));
    for (const row of rows) {
      this.coverage.set(row.id, row);
      this.touch(row.memberId);
    }
  }

  async applyRetier(plan: RetierPlan): Promise<void> {
    await this.endPeriods(plan.endings);
    await this.insertPeriods(plan.inserts);
  }

  /**
   * Inserts the transaction row under a new confirmation number, `TX-20261127-0000042`: the day it
   * was accepted and a plan-wide counter, unique by construction; and its audit entry (the row
   * `recordAudit` would write, naming the confirmation number), and the number on the coverage
   * periods it wrote or end-dated. One statement: it is on every write's path.
   */
  private async recordTransaction(kind: TransactionKind, memberIds: readonly string[], payload: Record<string, unknown>): Promise<string> {
    const at = this.at.toISOString();
    const inserted = JSON.stringify([...this.insertedPeriods]);
    const ended = JSON.stringify([...this.endedPeriods]);
    const result = await this.tx.execute<{ confirmation_number: string }>(sql`
      WITH accepted AS (
        INSERT INTO eligibility_transactions (confirmation_number, group_number, kind, payload, status, actor_user_id, created_at)
        VALUES ('TX-' || ${this.today.replaceAll('-', '')} || '-' || lpad(nextval('confirmation_number_seq')::text, 7, '0'),
                ${this.rules.groupNumber}, ${kind}, ${JSON.stringify(payload)}::jsonb, 'accepted', ${this.actor.userId}, ${at}::timestamptz)
        RETURNING confirmation_number
      ), audited AS (
        INSERT INTO audit_log (actor, session_id, action, target, detail, ip, at)
        SELECT ${this.actor.userId}, ${this.actor.sessionId}, ${`eligibility.${kind}`}, ${`group:${this.rules.groupNumber}`},
               jsonb_build_object('confirmationNumber', confirmation_number, 'memberIds', ${JSON.stringify(memberIds)}::jsonb), ${this.actor.ip}, ${at}::timestamptz
        FROM accepted
      ), linked AS (
        UPDATE coverage_periods c
        SET created_by = CASE WHEN c.id IN (SELECT jsonb_array_elements_text(${inserted}::jsonb)::bigint) THEN a.confirmation_number ELSE c.created_by END,
            ended_by = CASE WHEN c.id IN (SELECT jsonb_array_elements_text(${ended}::jsonb)::bigint) THEN a.confirmation_number ELSE c.ended_by END
        FROM accepted a
        WHERE c.id IN (SELECT jsonb_array_elements_text(${inserted}::jsonb || ${ended}::jsonb)::bigint)
      )
      SELECT confirmation_number FROM accepted`);
    const number = result.rows[0]?.confirmation_number;
    if (!number) throw new Error('The transaction row was not written');
    return number;
  }

  /** The answer's member views, from what this transaction read and wrote when that is everything. */
  private async views(memberIds: readonly string[]): Promise<MemberView[]> {
    if (!memberIds.every((id) => this.written.has(id) && this.knownHistories.has(id))) return memberViewsById(this.tx, memberIds, this.today);
    const periods = new Map(this.knownPeriods);
    for (const [id, row] of this.coverage) periods.set(id, row);
    const ordered = [...periods.values()].sort((a, b) => (a.startDate === b.startDate ? a.id - b.id : a.startDate < b.startDate ? -1 : 1));
    return memberIds.map((id) => memberView(this.written.get(id) as MemberRow, ordered.filter((p) => p.memberId === id), this.today));
  }

  /**
   * Records the accepted transaction (confirmation number, audit, change feed) and answers with the
   * resulting members. `request` is stored with every SSN reduced to its mask; `withConfirmation`
   * writes rows that refer to the confirmation number (ID-card requests).
   */
  async commit(
    kind: TransactionKind,
    request: unknown,
    memberIds: readonly string[],
    withConfirmation?: (confirmationNumber: string) => Promise<void>,
  ): Promise<TransactionAccepted> {
    const bump = [...this.touched].filter((id) => !this.written.has(id));
    if (bump.length > 0) {
      const bumped = await this.tx
        .update(members)
        .set({ version: sql`${members.version} + 1`, updatedAt: this.at })
        .where(inArray(members.memberId, bump))
        .returning();
      for (const row of bumped) this.written.set(row.memberId, row);
    }
    const masked = maskSsns(request) as Record<string, unknown>;
    const confirmationNumber = await this.recordTransaction(kind, memberIds, { memberIds, request: masked });
    await withConfirmation?.(confirmationNumber);
    const record: TransactionRecord = {
      confirmationNumber,
      kind,
      status: 'accepted',
      memberIds: [...memberIds],
      request: masked,
      actorUserId: this.actor.userId,
      acceptedAt: this.at.toISOString(),
    };
    const views = await this.views(memberIds);
    const feed: ChangeToRecord[] = [
      ...[...this.written.values()].map((m) => ({ entity: 'member' as const, entityId: m.memberId, op: 'upsert' as const, payload: memberSnapshot(m) })),
      ...[...this.coverage.values()].map((c) => ({ entity: 'coverage' as const, entityId: String(c.id), op: 'upsert' as const, payload: coverageSnapshot(c) })),
      { entity: 'transaction', entityId: confirmationNumber, op: 'upsert', payload: record },
    ];
    await appendChanges(this.tx, this.rules.groupNumber, this.at.toISOString(), feed);
    return { confirmationNumber, kind, acceptedAt: record.acceptedAt, memberIds: [...memberIds], members: views };
  }
}

/** Deep copy with every `ssn` string replaced by its mask: a stored request never holds a whole SSN. */
export function maskSsns(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskSsns);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'ssn' && typeof v === 'string' ? maskSsn(v) : maskSsns(v)]));
}
