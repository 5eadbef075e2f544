import { describe, expect, it } from 'vitest';
import type { ActivityItem } from '@shared/contract/schemas/transaction';
import type { TransactionAccepted } from '@shared/plan-api/eligibility';
import { fixtureToday } from '../../test-support/member-fixtures';
import { findMemberDetail } from '../members/member-detail';
import { markAttemptFailed, markSent, nextDelivery, recordAccepted, recordRejected } from '../../outbox/outbox-delivery';
import { outboxCounts } from '../../outbox/outbox-repository';
import { fileStore, replicaState, testNow, transactionsCore } from '../../test-support/transactions-test-store';
import { memberSsnContext } from '../../store/members/member-ssn-context';
import { FieldDecryptError } from '../../store/field-cipher';

const group = '4321';
const address = { line1: '3 Oak St', city: 'Dayton', state: 'OH', zip: '45402' };
const enrollFamily = {
  kind: 'enroll',
  request: {
    subscriber: { firstName: 'Nia', lastName: 'Okafor', dateOfBirth: '1990-04-04', gender: 'F', ssn: '555-11-2222', address, hireDate: '2026-10-01', employmentStatus: 'FT' },
    planCode: 'PPO-A',
    effectiveDate: '2026-12-01',
    dependents: [
      { firstName: 'Ola', lastName: 'Okafor', dateOfBirth: '1989-01-01', gender: 'M', relationship: 'spouse', ssn: '555-11-3333' },
      { firstName: 'Ben', lastName: 'Okafor', dateOfBirth: '2020-01-01', gender: 'M', relationship: 'child' },
    ],
  },
};
const terminateZimmer = { kind: 'terminate', request: { memberId: '432000001', reason: 'termination_of_employment', requestedDate: '2026-11-15' } };

const member = (store: ReturnType<typeof fileStore>, memberId: string) =>
  store.db.prepare('SELECT member_id, subscriber_id, relationship, tier, plan_code, effective_date, termination_date, pending_sync, version, ssn_last4 FROM members WHERE member_id = ?').get(memberId);

describe('submitting', () => {
  it('queues an enrollment: provisional family rows marked pending, found by search, SSNs only encrypted', async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    const result = await core.ok<{ id: number; status: string; memberIds: string[] }>('transactions.submit', { groupNumber: group, transaction: enrollFamily });
    const id = result.id;
    expect(result).toEqual({ id, status: 'queued', memberIds: [`NEW-${id}`, `NEW-${id}-01`, `NEW-${id}-02`] });
    expect(member(store, `NEW-${id}`)).toEqual({
      member_id: `NEW-${id}`,
      subscriber_id: `NEW-${id}`,
      relationship: 'subscriber',
      tier: 'FAM',
      plan_code: 'PPO-A',
      effective_date: '2026-12-01',
      termination_date: null,
      pending_sync: 1,
      version: 0,
      ssn_last4: '2222',
    });
    expect(member(store, `NEW-${id}-01`)).toMatchObject({ subscriber_id: `NEW-${id}`, relationship: 'spouse', tier: 'FAM', pending_sync: 1 });
    expect(store.db.prepare(`SELECT count(*) FROM coverage_periods c JOIN members m ON m.id = c.member_ref WHERE m.member_id LIKE 'NEW-%'`).pluck().get()).toBe(3);
    expect(store.db.prepare(`SELECT m.member_id FROM members_fts JOIN members m ON m.id = members_fts.rowid WHERE members_fts MATCH '"okaf"*' ORDER BY 1`).pluck().all()).toHaveLength(3);
    expect(store.db.prepare(`SELECT sum(n) FROM member_tallies`).pluck().get()).toBe(11);

    const row = store.db.prepare('SELECT * FROM outbox WHERE id = ?').get(id) as Record<string, unknown>;
    expect(row).toMatchObject({ status: 'queued', kind: 'enroll', summary: 'Enroll Nia Okafor with 2 dependents', idempotency_key: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    for (const ssn of ['555112222', '555113333']) {
      expect(JSON.stringify(store.db.prepare('SELECT payload, undo, summary FROM outbox').all())).not.toContain(ssn);
    }
    // What the sync engine sends: the request as the user reviewed it, SSNs whole again.
    expect(nextDelivery(store)).toEqual({
      id,
      groupNumber: group,
      kind: 'enroll',
      idempotencyKey: row.idempotency_key,
      path: 'enrollments',
      body: {
        ...enrollFamily.request,
        subscriber: { ...enrollFamily.request.subscriber, ssn: '555112222' },
        dependents: [{ ...enrollFamily.request.dependents[0], ssn: '555113333', disabled: false }, { ...enrollFamily.request.dependents[1], disabled: false }],
      },
    });
    expect(core.events).toEqual([
      { type: 'roster.changed', groupNumber: group },
      { type: 'activity.changed', groupNumber: group },
    ]);
    expect(core.syncRequests()).toBe(1);
  });

  it('queues a subscriber termination: the dependents end with them, expectedVersion is the version shown', async () => {
    const store = fileStore();
    store.db.prepare(`UPDATE members SET version = 4 WHERE member_id = '432000001'`).run();
    const core = transactionsCore(store);
    const { id, memberIds } = await core.ok<{ id: number; memberIds: string[] }>('transactions.submit', { groupNumber: group, transaction: terminateZimmer });
    expect(memberIds.sort()).toEqual(['432000001', '432000001-01', '432000001-02']);
    for (const m of memberIds) expect(member(store, m)).toMatchObject({ termination_date: '2026-11-30', pending_sync: 1 });
    expect(store.db.prepare(`SELECT end_date FROM coverage_periods c JOIN members m ON m.id = c.member_ref WHERE m.subscriber_id = '432000001'`).pluck().all()).toEqual([
      '2026-11-30',
      '2026-11-30',
      '2026-11-30',
    ]);
    expect(nextDelivery(store)?.body).toEqual({ ...terminateZimmer.request, expectedVersion: 4 });
    const item = await core.ok<ActivityItem & { request: Record<string, unknown> }>('transactions.get', { groupNumber: group, id });
    expect(item).toMatchObject({ summary: 'Terminate 432000001 Walter Zimmer and 2 dependents (coverage ends 2026-11-30)', memberIds: ['432000001', '432000001-01', '432000001-02'] });
    // Activity shows what the administrator reviewed: the version sent for the stale-data check stays inside.
    expect(item.request).toEqual(terminateZimmer.request);
  });

  it('queues a dependent’s termination and re-derives the tier of the family left', async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    await core.ok('transactions.submit', { groupNumber: group, transaction: { kind: 'terminate', request: { memberId: '432000001-02', reason: 'loss_of_dependent_status', requestedDate: '2026-11-10' } } });
    expect(member(store, '432000001-02')).toMatchObject({ termination_date: '2026-11-30', tier: 'FAM', pending_sync: 1 });
    expect(member(store, '432000001')).toMatchObject({ termination_date: null, tier: 'ESP', pending_sync: 1 });
    expect(member(store, '432000001-01')).toMatchObject({ tier: 'ESP', pending_sync: 1 });
  });

  it('queues a newborn under its subscriber, covered from birth, with the family tier derived', async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    const newborn = { firstName: 'Ivy', lastName: 'Abbott', dateOfBirth: '2026-11-20', gender: 'F', relationship: 'child' };
    const { id } = await core.ok<{ id: number }>('transactions.submit', {
      groupNumber: group,
      transaction: { kind: 'add_dependent', request: { subscriberId: '432000002', dependent: newborn, event: { kind: 'birth', date: '2026-11-20' } } },
    });
    expect(member(store, `NEW-${id}-01`)).toMatchObject({ subscriber_id: '432000002', relationship: 'child', effective_date: '2026-11-20', tier: 'ECH', plan_code: 'HMO-Z', pending_sync: 1 });
    expect(member(store, '432000002')).toMatchObject({ tier: 'ECH', pending_sync: 0 });
  });

  it('queues a demographic change, with the name searchable at once and the new SSN encrypted', async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    await core.ok('transactions.submit', {
      groupNumber: group,
      transaction: { kind: 'update_demographics', request: { memberId: '432000002', changes: { lastName: 'Abbot-Ng', ssn: '111-22-0010' }, effectiveDate: '2026-11-27', correction: true } },
    });
    expect(store.db.prepare(`SELECT m.member_id FROM members_fts JOIN members m ON m.id = members_fts.rowid WHERE members_fts MATCH '"ng"*'`).pluck().all()).toEqual(['432000002']);
    const row = store.db.prepare(`SELECT ssn_last4, ssn_encrypted, pending_sync FROM members WHERE member_id = '432000002'`).get() as { ssn_last4: string; ssn_encrypted: Buffer; pending_sync: number };
    expect(row.ssn_last4).toBe('0010');
    expect(store.cipher.decrypt(row.ssn_encrypted, memberSsnContext('432000002'))).toBe('111220010');
    // Bound to its member: the same value in another member's row does not open.
    expect(() => store.cipher.decrypt(row.ssn_encrypted, memberSsnContext('432000001'))).toThrow(FieldDecryptError);
    expect(nextDelivery(store)?.body).toMatchObject({ changes: { lastName: 'Abbot-Ng', ssn: '111220010' }, expectedVersion: 1 });
  });

  it("keeps the subscriber's employee class on the pending rows and in the member's detail, and a cancel puts the old one back", async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    const enrolled = await core.ok<{ id: number; memberIds: string[] }>('transactions.submit', {
      groupNumber: group,
      transaction: { ...enrollFamily, request: { ...enrollFamily.request, subscriber: { ...enrollFamily.request.subscriber, employeeClass: 'Union Local 12' } } },
    });
    const classOf = (memberId: string) => store.db.prepare('SELECT employee_class FROM members WHERE member_id = ?').pluck().get(memberId);
    expect(enrolled.memberIds.map(classOf)).toEqual(['Union Local 12', null, null]);
    expect(findMemberDetail(store.db, group, enrolled.memberIds[0] ?? '', fixtureToday)).toMatchObject({ employeeClass: 'Union Local 12' });
    expect(nextDelivery(store)?.body).toMatchObject({ subscriber: { employeeClass: 'Union Local 12' } });

    const changed = await core.ok<{ id: number }>('transactions.submit', {
      groupNumber: group,
      transaction: { kind: 'update_demographics', request: { memberId: '432000001', changes: { employeeClass: 'Salaried' }, effectiveDate: '2026-11-27', correction: false } },
    });
    expect(findMemberDetail(store.db, group, '432000001', fixtureToday)).toMatchObject({ employeeClass: 'Salaried', pendingSync: true });
    await core.ok('transactions.cancel', { groupNumber: group, id: changed.id });
    expect(classOf('432000001')).toBeNull();

    const refused = await core.call('transactions.submit', {
      groupNumber: group,
      transaction: { kind: 'update_demographics', request: { memberId: '432000001-01', changes: { employeeClass: 'Hourly' }, effectiveDate: '2026-11-27', correction: false } },
    });
    expect(refused).toMatchObject({ ok: false, error: { fields: { 'changes.employeeClass': 'The employee class belongs to the employee: change it on the employee’s own record.' } } });
  });

  it('is atomic: a failure after the rules passed leaves no pending row and no outbox row', async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    const before = replicaState(store);
    const result = await core.call('transactions.submit', { groupNumber: group, transaction: enrollFamily, draftId: 99 });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', fields: { draftId: 'Not found' } } });
    expect(replicaState(store)).toEqual(before);
    expect(store.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    expect(store.db.prepare('SELECT count(*) FROM outbox_members').pluck().get()).toBe(0);
    expect(core.events).toEqual([]);
    expect(core.syncRequests()).toBe(0);
  });
});

describe('cancelling', () => {
  it('restores the replica exactly and keeps the input as an unfinished draft', async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    const before = replicaState(store);
    const draft = await core.ok<{ id: number }>('drafts.save', { groupNumber: group, wizard: 'terminate', memberId: '432000001', step: 'review', data: { reason: 'quit' } });
    const enrolled = await core.ok<{ id: number }>('transactions.submit', { groupNumber: group, transaction: enrollFamily });
    const terminated = await core.ok<{ id: number }>('transactions.submit', { groupNumber: group, transaction: terminateZimmer, draftId: draft.id });
    expect(await core.ok('drafts.list', { groupNumber: group })).toEqual([]);

    const cancelled = await core.ok<ActivityItem>('transactions.cancel', { groupNumber: group, id: terminated.id });
    expect(cancelled).toMatchObject({ status: 'cancelled', draftId: null, resolvedAt: testNow });
    await core.ok('transactions.cancel', { groupNumber: group, id: enrolled.id });
    expect(replicaState(store)).toEqual(before);
    expect(await core.ok('drafts.list', { groupNumber: group })).toMatchObject([{ id: draft.id, transactionId: null }]);
    expect(outboxCounts(store.db)).toEqual({ pending: 0, rejected: 0 });
    expect(nextDelivery(store)).toBeNull();
    expect(core.syncRequests()).toBe(4);
  });

  it('refuses once the row was sent: it may have reached the plan', async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    const { id } = await core.ok<{ id: number }>('transactions.submit', { groupNumber: group, transaction: terminateZimmer });
    expect(markSent(store, id, testNow)).toBe(true);
    expect(await core.call('transactions.cancel', { groupNumber: group, id })).toMatchObject({ ok: false, error: { code: 'RULE', fields: { id: 'Already sent' } } });
  });

  it('is possible again after a try that got no answer (the plan was out of reach)', async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    const before = replicaState(store);
    const { id } = await core.ok<{ id: number }>('transactions.submit', { groupNumber: group, transaction: terminateZimmer });
    markSent(store, id, testNow);
    markAttemptFailed(store, id, 'connect ECONNREFUSED 127.0.0.1:4010', testNow);
    expect(await core.ok('transactions.get', { groupNumber: group, id })).toMatchObject({ status: 'queued', attempts: 1, sentAt: testNow });
    expect(await core.ok('transactions.cancel', { groupNumber: group, id })).toMatchObject({ status: 'cancelled' });
    expect(replicaState(store)).toEqual(before);
    // A sync engine that read the row before the cancel does not send it.
    expect(markSent(store, id, testNow)).toBe(false);
  });
});

const accepted = (memberIds: string[]): TransactionAccepted => ({ confirmationNumber: 'TX-20261127-0000042', kind: 'enroll', acceptedAt: testNow, memberIds, members: [] });

describe('the plan’s answers', () => {
  it('accepted: provisional rows go, pending flags clear, the draft is done with, a notification without names', async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    const draft = await core.ok<{ id: number }>('drafts.save', { groupNumber: group, wizard: 'enroll', step: 'review', data: {}, secrets: { 'subscriber.ssn': '555112222' } });
    const { id } = await core.ok<{ id: number }>('transactions.submit', { groupNumber: group, transaction: enrollFamily, draftId: draft.id });
    expect(markSent(store, id, testNow)).toBe(true);
    markAttemptFailed(store, id, 'connect ECONNREFUSED', testNow);
    expect(outboxCounts(store.db)).toEqual({ pending: 1, rejected: 0 });

    const events = recordAccepted(store, id, accepted(['432000100', '432000100-01', '432000100-02']), '2026-11-27T10:05:00.000Z');
    expect(store.db.prepare(`SELECT count(*) FROM members WHERE member_id LIKE 'NEW-%'`).pluck().get()).toBe(0);
    expect(store.db.prepare(`SELECT count(*) FROM members WHERE pending_sync = 1`).pluck().get()).toBe(0);
    expect(store.db.prepare('SELECT count(*) FROM wizard_drafts').pluck().get()).toBe(0);
    const item = await core.ok<ActivityItem>('transactions.get', { groupNumber: group, id });
    expect(item).toMatchObject({ status: 'accepted', confirmationNumber: 'TX-20261127-0000042', attempts: 2, memberIds: ['432000100', '432000100-01', '432000100-02'], draftId: null });
    expect(store.db.prepare('SELECT secrets_encrypted FROM outbox WHERE id = ?').pluck().get(id)).toBeNull();
    const notification = events.find((e) => e.type === 'notification.created');
    expect(notification).toMatchObject({ kind: 'transaction.accepted', title: 'Enrollment accepted — TX-20261127-0000042' });
    expect(JSON.stringify(events)).not.toMatch(/Okafor|Nia/);
    expect(events.map((e) => e.type)).toEqual(['activity.changed', 'roster.changed', 'notifications.changed', 'notification.created']);
    // A repeated answer settles nothing twice.
    expect(recordAccepted(store, id, accepted([]), testNow)).toEqual([]);
    // In the app's own notification centre the change names its member; the OS text above does not.
    expect(await core.ok('notifications.list', {})).toMatchObject({
      unread: 1,
      items: [{ kind: 'transaction.accepted', transactionId: id, link: `#/activity?id=${id}`, read: false, about: 'Enroll Nia Okafor with 2 dependents' }],
    });
  });

  it('rejected: the pending change is undone and the input kept in a draft (SSNs encrypted) for correction and resend', async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    const before = replicaState(store);
    const { id } = await core.ok<{ id: number }>('transactions.submit', { groupNumber: group, transaction: enrollFamily });
    const refusal = { code: 'RULE' as const, message: 'Effective date must be on or after 2027-01-01.', fields: { effectiveDate: 'On or after 2027-01-01' } };
    const events = recordRejected(store, id, refusal, '2026-11-27T10:05:00.000Z');
    expect(replicaState(store)).toEqual(before);
    expect(outboxCounts(store.db)).toEqual({ pending: 0, rejected: 1 });
    const item = await core.ok<ActivityItem>('transactions.get', { groupNumber: group, id });
    expect(item).toMatchObject({ status: 'rejected', error: refusal, draftId: expect.any(Number) });
    expect(events.find((e) => e.type === 'notification.created')).toMatchObject({ kind: 'transaction.rejected', title: 'Enrollment rejected', body: expect.stringContaining(refusal.message) });
    expect(JSON.stringify(events)).not.toMatch(/Okafor|Nia/);
    expect(await core.ok('notifications.list', {})).toMatchObject({ items: [{ kind: 'transaction.rejected', about: 'Enroll Nia Okafor with 2 dependents' }] });

    const draft = await core.ok<{ data: { request: Record<string, unknown> }; secrets: Record<string, string>; transactionId: number; wizard: string }>('drafts.get', { groupNumber: group, id: item.draftId });
    expect(draft).toMatchObject({ wizard: 'enroll', transactionId: id, secrets: { 'request.subscriber.ssn': '555112222', 'request.dependents.0.ssn': '555113333' } });
    expect(draft.data.request).toMatchObject({ planCode: 'PPO-A', subscriber: { firstName: 'Nia', ssn: '***-**-2222' } });
    expect(JSON.stringify(store.db.prepare('SELECT data FROM wizard_drafts').all())).not.toContain('555112222');
    // The rejected one's draft is listed again, for correction.
    expect(await core.ok('drafts.list', { groupNumber: group })).toMatchObject([{ id: item.draftId, transactionId: id, summary: 'Enroll Nia Okafor with 2 dependents' }]);

    const corrected = { ...enrollFamily, request: { ...enrollFamily.request, effectiveDate: '2027-01-01' } };
    const resent = await core.ok<{ id: number }>('transactions.submit', { groupNumber: group, transaction: corrected, replaces: id });
    expect(await core.ok('transactions.get', { groupNumber: group, id })).toMatchObject({ status: 'corrected', replacedBy: resent.id, replaces: null, draftId: null });
    // Each links to the other: the correction names the rejection it replaces.
    expect(await core.ok('transactions.get', { groupNumber: group, id: resent.id })).toMatchObject({ status: 'queued', draftId: item.draftId, replaces: id, replacedBy: null });
    expect(await core.call('transactions.submit', { groupNumber: group, transaction: corrected, replaces: id })).toMatchObject({ ok: false, error: { code: 'RULE', fields: { replaces: 'Not rejected' } } });
  });

  it('rejected, then resubmitted from its draft alone: still recorded as the correction', async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    const { id } = await core.ok<{ id: number }>('transactions.submit', { groupNumber: group, transaction: terminateZimmer });
    recordRejected(store, id, { code: 'RULE', message: 'Not today.' }, testNow);
    const [draft] = await core.ok<{ id: number }[]>('drafts.list', { groupNumber: group });
    const resent = await core.ok<{ id: number }>('transactions.submit', { groupNumber: group, transaction: terminateZimmer, draftId: draft?.id });
    expect(await core.ok('transactions.get', { groupNumber: group, id })).toMatchObject({ status: 'corrected', replacedBy: resent.id });
    expect(outboxCounts(store.db)).toEqual({ pending: 1, rejected: 0 });
  });

  it('rejected termination: end dates and tiers come back as they were', async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    const before = replicaState(store);
    const { id } = await core.ok<{ id: number }>('transactions.submit', { groupNumber: group, transaction: terminateZimmer });
    recordRejected(store, id, { code: 'CONFLICT', message: 'Member 432000001 was changed by someone else.' }, testNow);
    expect(replicaState(store)).toEqual(before);
    expect(await core.ok('drafts.list', { groupNumber: group })).toMatchObject([{ wizard: 'terminate', memberId: '432000001' }]);
  });
  it('rejected, then withdrawn: it stops needing attention, its kept input goes, the plan’s reason stays', async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    const before = replicaState(store);
    const { id } = await core.ok<{ id: number }>('transactions.submit', { groupNumber: group, transaction: terminateZimmer });
    recordRejected(store, id, { code: 'RULE', message: 'Not today.' }, testNow);
    expect(outboxCounts(store.db)).toEqual({ pending: 0, rejected: 1 });
    expect(await core.ok('transactions.cancel', { groupNumber: group, id })).toMatchObject({ status: 'cancelled', error: { message: 'Not today.' } });
    expect(outboxCounts(store.db)).toEqual({ pending: 0, rejected: 0 });
    expect(await core.ok('drafts.list', { groupNumber: group })).toEqual([]);
    expect(replicaState(store)).toEqual(before);
  });
});

describe('Activity', () => {
  it('lists newest first, filtered by status and member, with counts for the tabs', async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    const a = await core.ok<{ id: number }>('transactions.submit', { groupNumber: group, transaction: terminateZimmer });
    const b = await core.ok<{ id: number }>('transactions.submit', { groupNumber: group, transaction: { kind: 'id_cards', request: { memberIds: ['432000002'], reason: 'lost', shipTo: 'member' } } });
    await core.ok('transactions.cancel', { groupNumber: group, id: b.id });
    await core.ok('drafts.save', { groupNumber: group, wizard: 'enroll', step: 'person', data: { subscriber: { firstName: 'Kim' } } });
    const page = await core.ok<{ total: number; items: ActivityItem[]; countsByStatus: Record<string, number> }>('transactions.list', { groupNumber: group });
    expect(page.items.map((i) => i.id)).toEqual([b.id, a.id]);
    expect(page.countsByStatus).toEqual({ draft: 1, queued: 1, sent: 0, accepted: 0, rejected: 0, cancelled: 1, corrected: 0 });
    expect(await core.ok('transactions.list', { groupNumber: group, status: ['queued'] })).toMatchObject({ total: 1, items: [{ id: a.id }] });
    expect(await core.ok('transactions.list', { groupNumber: group, memberId: '432000001-01' })).toMatchObject({ total: 1, items: [{ id: a.id }] });
    expect(await core.ok('transactions.list', { groupNumber: '9999' })).toMatchObject({ total: 0, items: [] });
    expect(await core.call('transactions.get', { groupNumber: '9999', id: a.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
