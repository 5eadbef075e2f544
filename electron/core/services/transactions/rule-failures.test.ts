import { describe, expect, it } from 'vitest';
import { fileStore, replicaState, transactionsCore } from '../../test-support/transactions-test-store';

const group = '4321';
const address = { line1: '3 Oak St', city: 'Dayton', state: 'OH', zip: '45402' };
const subscriber = { firstName: 'Nia', lastName: 'Okafor', dateOfBirth: '1990-04-04', gender: 'F', ssn: '555-11-2222', address, hireDate: '2026-10-01', employmentStatus: 'FT' };
const enroll = (over: Record<string, unknown> = {}, sub: Record<string, unknown> = {}) => ({
  kind: 'enroll',
  request: { subscriber: { ...subscriber, ...sub }, planCode: 'PPO-A', effectiveDate: '2026-12-01', dependents: [], ...over },
});
const child = { firstName: 'Ben', lastName: 'Okafor', dateOfBirth: '2020-01-01', gender: 'M', relationship: 'child' };
const spouse = { firstName: 'Ola', lastName: 'Okafor', dateOfBirth: '1990-01-01', gender: 'M', relationship: 'spouse' };
const addDependent = (dependent: Record<string, unknown>, event: Record<string, unknown>, subscriberId = '432000001') => ({
  kind: 'add_dependent',
  request: { subscriberId, dependent, event },
});
const terminate = (memberId: string, requestedDate: string, reason = 'termination_of_employment') => ({ kind: 'terminate', request: { memberId, reason, requestedDate } });
const demographics = (memberId: string, changes: Record<string, unknown>, correction = false) => ({
  kind: 'update_demographics',
  request: { memberId, changes, effectiveDate: '2026-11-27', correction },
});

/** Each rule the core checks before queuing, its field path in the request, and the words the user reads (today 2026-11-27). */
const cases: [string, Record<string, unknown>, string, RegExp][] = [
  ['an effective date before the retro window', enroll({ effectiveDate: '2026-08-01' }), 'effectiveDate', /^Effective date must be on or after 2026-09-01: retroactive changes are limited to the current month and the two before it\.$/],
  ['coverage before the waiting period ends', enroll({}, { hireDate: '2026-11-20' }), 'effectiveDate', /^Effective date must be on or after 2027-01-01: the group's waiting period is 30 days after the hire date 2026-11-20\.$/],
  ['an employee hired in January 2025 enrolled as a new hire', enroll({}, { hireDate: '2025-01-06' }), 'enrollmentReason', /^Hired on 2025-01-06: the first enrollment window closed on 2025-03-07\. Enroll for a qualifying event, or during open enrollment \(open now until 2026-11-30, for coverage from 2027-01-01\)\.$/],
  ['a late hire in open enrollment for a date other than the plan-year start', enroll({ enrollmentReason: 'open_enrollment' }, { hireDate: '2025-01-06' }), 'effectiveDate', /^An open enrollment covers from the plan-year start: choose 2027-01-01\.$/],
  ['two spouses', enroll({ dependents: [spouse, child, { ...spouse, firstName: 'Eve' }] }), 'dependents.2.relationship', /already has a spouse: only one spouse or domestic partner can be covered/],
  ['a child past 26', enroll({ dependents: [{ ...child, dateOfBirth: '1999-01-01' }] }), 'dependents.0.dateOfBirth', /^Ben Okafor is 26 on 2025-01-01: children are covered to the end of the month they turn 26, so through 2025-01-31, and coverage on 2026-12-01 is past that/],
  ['a plan the group does not offer', enroll({ planCode: 'EPO-X' }), 'planCode', /^Plan EPO-X is not offered to group 4321: choose one of PPO-A, HMO-Z\.$/],
  // SSN matches name no member: the answer must not confirm whose number a guess is.
  ['an SSN already enrolled', enroll({}, { ssn: '412-55-6789' }), 'subscriber.ssn', /^This SSN matches another member of this group: check the number\. If it is right, reinstate or update that member instead of enrolling again\.$/],
  ['an SSN corrected to another subscriber’s', demographics('432000001', { ssn: '222-33-6789' }, true), 'changes.ssn', /^This SSN matches another member of this group: check the number\.$/],
  ['a birth reported after the window', addDependent({ ...child, dateOfBirth: '2026-10-01' }, { kind: 'birth', date: '2026-10-01' }), 'event.date', /^Birth on 2026-10-01 was more than 30 days before this request \(2026-11-27\)/],
  ['a second spouse', addDependent(spouse, { kind: 'marriage', date: '2026-11-20' }), 'dependent.relationship', /already has a spouse/],
  ['an event that cannot add this relationship', addDependent(spouse, { kind: 'birth', date: '2026-11-20' }), 'dependent.relationship', /^Birth can add a child, not a spouse/],
  ['a dependent named as the subscriber', addDependent(child, { kind: 'birth', date: '2020-01-01' }, '432000001-01'), 'subscriberId', /^432000001-01 is a dependent: add the new dependent to employee 432000001\.$/],
  ['an event that removes', addDependent(child, { kind: 'divorce', date: '2026-11-20' }), 'event.kind', /^Divorce removes a dependent: terminate the dependent instead\.$/],
  ['a termination before the retro window', terminate('432000001', '2026-07-15'), 'requestedDate', /^Termination date must be on or after 2026-09-01: retroactive/],
  ['a termination before coverage began', terminate('432000003', '2026-11-15'), 'requestedDate', /^Termination date must be on or after 2026-12-01, when this coverage began/],
  ['a member already terminated', terminate('432000005', '2026-11-30'), 'memberId', /^Member 432000005 is already terminated \(coverage ends 2026-10-31\)/],
  ['a subscriber reason for a dependent', terminate('432000001-02', '2026-11-30'), 'reason', /^"Termination of employment" applies to employees only/],
  ['a date of birth changed without correction', demographics('432000001', { dateOfBirth: '1981-01-01' }), 'correction', /can only be corrected/],
  ['a terminated member’s demographics', demographics('432000005', { phone: '555-123-4567' }), 'memberId', /a terminated member is read-only/],
  ['employment status of a dependent', demographics('432000001-01', { employmentStatus: 'PT' }), 'changes.employmentStatus', /belongs to the employee/],
  ['a corrected birth date that ages a child out', demographics('432000001-02', { dateOfBirth: '1990-01-01' }, true), 'changes.dateOfBirth', /turn 26/],
  ['ID cards for a terminated member', { kind: 'id_cards', request: { memberIds: ['432000001', '432000005'], reason: 'lost', shipTo: 'member' } }, 'memberIds', /these are terminated: 432000005/],
  ['reinstating a covered member', { kind: 'reinstate', request: { memberId: '432000001' } }, 'memberId', /is not terminated: there is nothing to reinstate/],
  ['reinstating past the retro window', { kind: 'reinstate', request: { memberId: '432000004' } }, 'memberId', /^Reinstated coverage must be on or after 2026-09-01/],
];

describe('transactions.submit refuses what the plan would refuse', () => {
  it.each(cases)('%s', async (_name, transaction, field, message) => {
    const store = fileStore();
    const core = transactionsCore(store);
    const before = replicaState(store);
    const result = await core.call('transactions.submit', { groupNumber: group, transaction });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('RULE');
    expect(result.error.message).toMatch(message);
    expect(result.error.fields).toEqual({ [field]: result.error.message });
    // Nothing was written: no outbox row, no pending member.
    expect(store.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
    expect(replicaState(store)).toEqual(before);
    expect(core.events).toEqual([]);
  });

  it('refuses an SSN never issued and a ZIP code of another state at their fields, queuing nothing', async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    const transaction = enroll({}, { ssn: '000-12-3456', address: { ...address, city: 'Washington', state: 'PA', zip: '75001' } });
    const result = await core.call('transactions.submit', { groupNumber: group, transaction });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION',
        fields: {
          'transaction.request.subscriber.ssn': 'No SSN starts with 000: check the number on the card',
          'transaction.request.subscriber.address.zip': "75001 is a Texas ZIP code, not Pennsylvania's",
        },
      },
    });
    expect(store.db.prepare('SELECT count(*) FROM outbox').pluck().get()).toBe(0);
  });

  it('queues a late hire\'s enrollment for a qualifying event', async () => {
    const core = transactionsCore(fileStore());
    const transaction = enroll({ enrollmentReason: 'special', event: { kind: 'loss_of_other_coverage', date: '2026-11-20' } }, { hireDate: '2025-01-06' });
    const result = await core.call('transactions.submit', { groupNumber: group, transaction });
    expect(result).toMatchObject({ ok: true });
  });

  it('names every rule an enrollment breaks beside its field, the first as the message', async () => {
    const core = transactionsCore(fileStore());
    const result = await core.call('transactions.submit', { groupNumber: group, transaction: enroll({ planCode: 'EPO-X', dependents: [{ ...child, dateOfBirth: '1999-01-01' }] }) });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'RULE',
        message: 'Plan EPO-X is not offered to group 4321: choose one of PPO-A, HMO-Z.',
        fields: { planCode: 'Plan EPO-X is not offered to group 4321: choose one of PPO-A, HMO-Z.', 'dependents.0.dateOfBirth': expect.stringMatching(/turn 26/) },
      },
    });
  });

  it('answers NOT_FOUND for a member of no group here', async () => {
    const core = transactionsCore(fileStore());
    expect(await core.call('transactions.submit', { groupNumber: group, transaction: terminate('999999999', '2026-11-30') })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND', fields: { memberId: 'Not found in this group' } },
    });
  });

  it('refuses to enroll an SSN twice while the first enrollment waits for the plan', async () => {
    const core = transactionsCore(fileStore());
    await core.ok('transactions.submit', { groupNumber: group, transaction: enroll() });
    expect(await core.call('transactions.submit', { groupNumber: group, transaction: enroll() })).toMatchObject({
      ok: false,
      error: { code: 'RULE', message: "This SSN matches an enrollment in this group still waiting for the plan: wait for the plan's answer, or cancel that enrollment in Activity." },
    });
  });

  it('refuses a second change to a member whose first change waits for the plan', async () => {
    const store = fileStore();
    const core = transactionsCore(store);
    const first = await core.ok<{ id: number }>('transactions.submit', { groupNumber: group, transaction: terminate('432000002', '2026-11-30') });
    const second = await core.call('transactions.submit', { groupNumber: group, transaction: demographics('432000002', { phone: '555-123-4567' }) });
    expect(second).toMatchObject({ ok: false, error: { code: 'RULE', fields: { memberId: expect.any(String) } } });
    expect(!second.ok && second.error.message).toBe(
      `432000002 Beth Abbott has a change (Activity #${first.id}) the plan has not accepted yet: wait until it is accepted, or cancel it, before making another change.`,
    );
  });
});
