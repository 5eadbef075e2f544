import { describe, expect, it } from 'vitest';
import type { BulkOutcome } from '@shared/contract/schemas/transaction';
import type { TransactionAccepted } from '@shared/plan-api/eligibility';
import { pdfText } from '../../../../test/support/pdf-text';
import { recordAccepted } from '../../outbox/outbox-delivery';
import { fixtureMembers } from '../../test-support/member-fixtures';
import { fileStore, replicaState, testNow, transactionsCore } from '../../test-support/transactions-test-store';

const group = '4321';
type BulkAnswer = { dryRun: boolean; items: BulkOutcome[]; queued: number[] };

describe('bulk termination', () => {
  const action = {
    kind: 'terminate',
    // Zimmer with one of his dependents, Abbott, a terminated member, one not in the group, Abbott's ended child.
    memberIds: ['432000001-01', '432000001', '432000002', '432000005', '999999999', '432000003'],
    reason: 'termination_of_employment',
    requestedDate: '2026-11-15',
  };

  it('dry run: says per member what would happen, and writes nothing', async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    const before = replicaState(store);
    const answer = await core.ok<BulkAnswer>('transactions.bulk', { groupNumber: group, action, dryRun: true });
    expect(answer).toEqual({
      dryRun: true,
      queued: [],
      items: [
        { memberId: '432000001-01', name: 'Aaron Zimmer', outcome: 'skipped', message: 'Ends with employee 432000001.', coverageEnds: '2026-11-30' },
        { memberId: '432000001', name: 'Walter Zimmer', outcome: 'ok', message: '2 dependents end with them.', coverageEnds: '2026-11-30' },
        { memberId: '432000002', name: 'Beth Abbott', outcome: 'ok', message: null, coverageEnds: '2026-11-30' },
        { memberId: '432000005', name: 'Mark Miller', outcome: 'skipped', message: 'Already terminated: coverage ends 2026-10-31.', coverageEnds: '2026-10-31' },
        { memberId: '999999999', name: '', outcome: 'problem', message: 'Not a member of group 4321.', coverageEnds: null },
        {
          memberId: '432000003',
          name: 'José Muñoz',
          outcome: 'problem',
          message: 'Termination date must be on or after 2026-12-01, when this coverage began. To cancel coverage that never started, use 2026-12-01.',
          coverageEnds: null,
        },
      ],
    });
    expect(replicaState(store)).toEqual(before);
    expect(store.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    expect(core.events).toEqual([]);
  });

  it('real run: one outbox row per terminated member, in one commit, as the dry run said', async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    const dry = await core.ok<BulkAnswer>('transactions.bulk', { groupNumber: group, action, dryRun: true });
    const real = await core.ok<BulkAnswer>('transactions.bulk', { groupNumber: group, action, dryRun: false });
    expect(real.items).toEqual(dry.items);
    expect(real.queued).toHaveLength(2);
    expect(store.db.prepare(`SELECT member_id FROM outbox ORDER BY id`).pluck().all()).toEqual(['432000001', '432000002']);
    // One batch, so Activity can offer to cancel the rest of it.
    expect(store.db.prepare(`SELECT DISTINCT b.kind, b.label FROM outbox o JOIN batches b ON b.id = o.batch_ref`).all()).toEqual([{ kind: 'bulk', label: 'Bulk termination of 2 members' }]);
    expect(store.db.prepare(`SELECT count(*) FROM members WHERE pending_sync = 1`).pluck().get()).toBe(4);
    expect(core.events).toEqual([
      { type: 'roster.changed', groupNumber: group },
      { type: 'activity.changed', groupNumber: group },
    ]);
  });

  it('two dependents of one family: the second waits for the plan to accept the first', async () => {
    const core = transactionsCore(fileStore());
    const answer = await core.ok<BulkAnswer>('transactions.bulk', {
      groupNumber: group,
      action: { kind: 'terminate', memberIds: ['432000001-01', '432000001-02'], reason: 'death', requestedDate: '2026-11-15' },
      dryRun: true,
    });
    expect(answer.items.map((i) => i.outcome)).toEqual(['ok', 'problem']);
    expect(answer.items[1]?.message).toMatch(/^Another member of this family is terminated in this selection/);
  });
});

describe('bulk ID cards and the request form', () => {
  it('queues one request for the covered members and prints a form that names them', async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    const answer = await core.ok<BulkAnswer>('transactions.bulk', {
      groupNumber: group,
      action: { kind: 'id_cards', memberIds: ['432000001', '432000001-02', '432000005', '432000003'], reason: 'lost', shipTo: 'employer' },
      dryRun: false,
    });
    expect(answer.items.map((i) => [i.memberId, i.outcome])).toEqual([
      ['432000001', 'ok'],
      ['432000001-02', 'ok'],
      ['432000005', 'problem'],
      ['432000003', 'ok'],
    ]);
    const [id] = answer.queued;
    expect(await core.ok('transactions.get', { groupNumber: group, id })).toMatchObject({
      kind: 'id_cards',
      summary: 'ID cards for 3 members (lost)',
      hasDocument: true,
      request: { memberIds: ['432000001', '432000001-02', '432000003'], reason: 'lost', shipTo: 'employer' },
    });
    expect(store.db.prepare(`SELECT count(*) FROM members WHERE pending_sync = 1`).pluck().get()).toBe(0);

    const queuedText = await formText(core, id as number);
    for (const words of ['ID card request form', 'Fixture Fabrication LLC', 'group 4321', 'Waiting to be sent to the plan', 'Reason: Lost', '1 Main St, Dayton, OH 45402', 'Walter Zimmer', 'Yves Zimmer', 'José Muñoz', 'Child']) {
      expect(queuedText).toContain(words);
    }
    // When it was asked, as the screens write a time: the day in numbers, then the time.
    expect(queuedText).toMatch(/Requested by: this computer on \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
    expect(queuedText).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(queuedText).not.toContain('Mark Miller');
    expect(queuedText).not.toContain('Confirmation number');

    const accepted: TransactionAccepted = { confirmationNumber: 'TX-20261127-0000077', kind: 'id_cards', acceptedAt: testNow, memberIds: ['432000001', '432000001-02', '432000003'], members: [] };
    recordAccepted(store, id as number, accepted, testNow);
    const acceptedText = await formText(core, id as number);
    expect(acceptedText).toContain('Accepted by the plan');
    expect(acceptedText).toContain('Confirmation number: TX-20261127-0000077');
  });

  it('has no form for other kinds of transaction', async () => {
    const core = transactionsCore(fileStore());
    const { id } = await core.ok<{ id: number }>('transactions.submit', { groupNumber: group, transaction: { kind: 'reinstate', request: { memberId: '432000005' } } });
    expect(await core.call('transactions.document', { groupNumber: group, id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});

async function formText(core: ReturnType<typeof transactionsCore>, id: number): Promise<string> {
  const document = await core.ok<{ fileName: string; contentType: string; base64: string }>('transactions.document', { groupNumber: group, id });
  expect(document.fileName).toBe(`id-card-request-${group}-${id}.pdf`);
  const pdf = Buffer.from(document.base64, 'base64');
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return pdfText(pdf);
}

describe('bulk address change', () => {
  const canal = { line1: '40 Canal St', city: 'Toledo', state: 'OH', zip: '43604' };
  // Yves Zimmer lives apart from his parents; José Muñoz already lives on Canal St.
  const members = fixtureMembers().map((m) =>
    m.memberId === '432000001-02' ? { ...m, address: { line1: '9 Lake Rd', city: 'Dayton', state: 'OH', zip: '45402' } } : m.memberId === '432000003' ? { ...m, address: canal } : m,
  );
  const action = {
    kind: 'address',
    // Zimmer and his spouse, Abbott (her child's coverage ended), Muñoz, Miller (terminated), Yves alone.
    memberIds: ['432000001-01', '432000001', '432000002', '432000003', '432000005', '432000001-02'],
    address: canal,
    effectiveDate: '2026-11-27',
    withDependents: true,
  };
  const elm = '2 Elm St, Dayton, OH 45402';
  const to = '40 Canal St, Toledo, OH 43604';

  it('dry run: lists each family’s old and new addresses and the refusals, and writes nothing', async () => {
    const store = fileStore(members);
    const core = transactionsCore(store);
    const before = replicaState(store);
    const answer = await core.ok<BulkAnswer>('transactions.bulk', { groupNumber: group, action, dryRun: true });
    expect(answer.items).toEqual([
      { memberId: '432000001-01', name: 'Aaron Zimmer', outcome: 'skipped', message: 'Moves with employee 432000001.', coverageEnds: null, changes: [] },
      {
        memberId: '432000001',
        name: 'Walter Zimmer',
        outcome: 'ok',
        message: '1 dependent at the same address moves too.',
        coverageEnds: null,
        changes: [
          { memberId: '432000001', name: 'Walter Zimmer', from: elm, to },
          { memberId: '432000001-01', name: 'Aaron Zimmer', from: elm, to },
        ],
      },
      { memberId: '432000002', name: 'Beth Abbott', outcome: 'ok', message: null, coverageEnds: null, changes: [{ memberId: '432000002', name: 'Beth Abbott', from: elm, to }] },
      { memberId: '432000003', name: 'José Muñoz', outcome: 'skipped', message: 'Already at this address.', coverageEnds: null, changes: [] },
      {
        memberId: '432000005',
        name: 'Mark Miller',
        outcome: 'problem',
        message: "Member 432000005's coverage ended on 2026-10-31: a terminated member is read-only. Reinstate the member first.",
        coverageEnds: null,
        changes: [{ memberId: '432000005', name: 'Mark Miller', from: elm, to }],
      },
      { memberId: '432000001-02', name: 'Yves Zimmer', outcome: 'problem', message: 'Has an address of their own: change it from their page.', coverageEnds: null, changes: [] },
    ]);
    expect(replicaState(store)).toEqual(before);
    expect(store.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
  });

  it('real run: one demographic change per member moved, as the dry run said, the new address pending in the roster', async () => {
    const store = fileStore(members);
    const core = transactionsCore(store);
    const dry = await core.ok<BulkAnswer>('transactions.bulk', { groupNumber: group, action, dryRun: true });
    const real = await core.ok<BulkAnswer>('transactions.bulk', { groupNumber: group, action, dryRun: false });
    expect(real.items).toEqual(dry.items);
    expect(real.queued).toHaveLength(3);
    expect(store.db.prepare(`SELECT kind, member_id, summary FROM outbox ORDER BY id`).all()).toEqual([
      { kind: 'update_demographics', member_id: '432000001', summary: 'Update 432000001 Walter Zimmer: address' },
      { kind: 'update_demographics', member_id: '432000001-01', summary: 'Update 432000001-01 Aaron Zimmer: address' },
      { kind: 'update_demographics', member_id: '432000002', summary: 'Update 432000002 Beth Abbott: address' },
    ]);
    const moved = store.db.prepare(`SELECT member_id, address, pending_sync FROM members WHERE pending_sync = 1 ORDER BY member_id`).all() as { member_id: string; address: string }[];
    expect(moved.map((m) => [m.member_id, JSON.parse(m.address)])).toEqual([
      ['432000001', canal],
      ['432000001-01', canal],
      ['432000002', canal],
    ]);
    expect(core.events).toEqual([
      { type: 'roster.changed', groupNumber: group },
      { type: 'activity.changed', groupNumber: group },
    ]);
  });

  it('leaves a whole family as it was when one of its members cannot move yet', async () => {
    const store = fileStore(members);
    const core = transactionsCore(store);
    await core.ok('transactions.submit', {
      groupNumber: group,
      transaction: { kind: 'update_demographics', request: { memberId: '432000001-01', changes: { phone: '937-555-0101' }, effectiveDate: '2026-11-27', correction: false } },
    });
    const real = await core.ok<BulkAnswer>('transactions.bulk', { groupNumber: group, action: { ...action, memberIds: ['432000001'] }, dryRun: false });
    expect(real.items[0]).toMatchObject({ outcome: 'problem', message: expect.stringContaining('432000001-01 Aaron Zimmer has a change (Activity #1) the plan has not accepted yet') });
    expect(real.queued).toEqual([]);
    expect(store.db.prepare(`SELECT member_id FROM outbox ORDER BY id`).pluck().all()).toEqual(['432000001-01']);
    expect(JSON.parse(store.db.prepare(`SELECT address FROM members WHERE member_id = '432000001'`).pluck().get() as string)).toEqual({ line1: '2 Elm St', city: 'Dayton', state: 'OH', zip: '45402' });
  });

  it('refuses a ZIP code that does not belong to the state before anything runs', async () => {
    const core = transactionsCore(fileStore(members));
    const answer = await core.call('transactions.bulk', { groupNumber: group, action: { ...action, address: { ...canal, zip: '94607' } }, dryRun: true });
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { 'action.address.zip': "94607 is a California ZIP code, not Ohio's" } } });
  });
});
