import { describe, expect, it } from 'vitest';
import { fileStore, testNow, transactionsCore } from '../../test-support/transactions-test-store';

const group = '4321';

describe('wizard drafts', () => {
  it('saves, resumes and lists a draft; full SSNs are stored only encrypted', async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    const saved = await core.ok<{ id: number }>('drafts.save', {
      groupNumber: group,
      wizard: 'enroll',
      step: 'person',
      data: { subscriber: { firstName: 'Kim', lastName: 'Lee', ssn: '' } },
      secrets: { 'subscriber.ssn': '555-11-9999' },
    });
    expect(saved).toEqual({ id: saved.id, wizard: 'enroll', groupNumber: group, memberId: null, step: 'person', transactionId: null, updatedAt: testNow });
    expect(JSON.stringify(store.db.prepare('SELECT * FROM wizard_drafts').all())).not.toContain('555-11-9999');
    expect(await core.ok('drafts.get', { groupNumber: group, id: saved.id })).toMatchObject({ data: { subscriber: { firstName: 'Kim' } }, secrets: { 'subscriber.ssn': '555-11-9999' } });

    await core.ok('drafts.save', { groupNumber: group, id: saved.id, wizard: 'enroll', step: 'address', data: { subscriber: { firstName: 'Kim', lastName: 'Lee' } } });
    expect(await core.ok('drafts.get', { groupNumber: group, id: saved.id })).toMatchObject({ step: 'address', secrets: {} });
    await core.ok('drafts.save', { groupNumber: group, wizard: 'terminate', memberId: '432000002', step: 'reason', data: {} });
    expect(await core.ok('drafts.list', { groupNumber: group })).toMatchObject([
      { wizard: 'terminate', summary: 'Terminate a member: 432000002' },
      { wizard: 'enroll', summary: 'Enroll an employee: Kim Lee' },
    ]);
    expect(await core.ok('drafts.list', { groupNumber: group, wizard: 'enroll' })).toHaveLength(1);
  });

  it('keeps drafts of one group from another, refuses another wizard’s draft, and discards', async () => {
    const core = transactionsCore(fileStore());
    const { id } = await core.ok<{ id: number }>('drafts.save', { groupNumber: group, wizard: 'id_cards', step: 'members', data: {} });
    expect(await core.call('drafts.get', { groupNumber: '9999', id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await core.call('drafts.save', { groupNumber: group, id, wizard: 'enroll', step: 'x', data: {} })).toMatchObject({ ok: false, error: { code: 'RULE' } });
    expect(await core.ok('drafts.discard', { groupNumber: '9999', id })).toEqual({ discarded: false });
    expect(await core.ok('drafts.discard', { groupNumber: group, id })).toEqual({ discarded: true });
    expect(await core.ok('drafts.list', { groupNumber: group })).toEqual([]);
  });
});
