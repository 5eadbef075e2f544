import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { TransactionAccepted } from '@shared/plan-api/eligibility';
import type { MemberView } from '@shared/plan-api/members';
import { addDays, addMonths, addYears, endOfMonth, firstOfMonth } from '@shared/util/dates';
import { backends } from '../test-support/backends';
import { enrollment, path, startEligibilityService, type EligibilityFixture } from './eligibility-support';

type Err = { code: string; message: string; fields?: Record<string, string> };

describe.each(backends())('eligibility transactions (%s)', (backend) => {
  let f: EligibilityFixture;
  /** Last month's 1st: inside the retro window, and early enough for events dated days ago. */
  let start: string;
  beforeAll(async () => {
    f = await startEligibilityService(backend);
    start = addMonths(firstOfMonth(f.today), -1);
  });
  afterAll(async () => f?.service.close());

  const enroll = (overrides: Parameters<typeof enrollment>[1] = {}) => f.post<TransactionAccepted>(path('/enrollments'), enrollment(f.today, { effectiveDate: start, ...overrides }));
  const member = async (id: string) => (await f.get<MemberView>(path(`/members/${id}`))).body;
  const spouse = { relationship: 'spouse' as const, firstName: 'Sam', lastName: 'Whitfield', dateOfBirth: '1984-02-29', gender: 'M' as const };
  const child = (dateOfBirth: string) => ({ relationship: 'child' as const, firstName: 'Ava', lastName: 'Whitfield', dateOfBirth, gender: 'F' as const });

  describe('enroll', () => {
    it('enrolls a family with plan-assigned IDs, the derived tier and a confirmation number', async () => {
      const res = await enroll({ dependents: [spouse, child('2015-06-01')] });
      expect(res.status).toBe(201);
      const { confirmationNumber, memberIds, members } = res.body;
      expect(confirmationNumber).toMatch(/^TX-\d{8}-\d{7}$/);
      const [sub, dep1, dep2] = memberIds;
      expect(sub).toMatch(/^\d{9}$/);
      expect([dep1, dep2]).toEqual([`${sub}-01`, `${sub}-02`]);
      expect(members.map((m) => [m.relationship, m.status, m.version, m.coverage.map((c) => [c.tier, c.startDate, c.endDate])])).toEqual([
        ['subscriber', 'active', 1, [['FAM', start, null]]],
        ['spouse', 'active', 1, [['FAM', start, null]]],
        ['child', 'active', 1, [['FAM', start, null]]],
      ]);
      expect(members[0]?.ssn).toMatch(/^\*\*\*-\*\*-\d{4}$/);
    });

    it("keeps the subscriber's employee class, trimmed, and none for dependents", async () => {
      const base = enrollment(f.today, { effectiveDate: start, dependents: [spouse] });
      const res = await f.post<TransactionAccepted>(path('/enrollments'), { ...base, subscriber: { ...base.subscriber, employeeClass: ' Union Local 12 ' } });
      expect(res.status).toBe(201);
      expect(res.body.members.map((m) => m.employeeClass)).toEqual(['Union Local 12', null]);
      expect((await member(res.body.memberIds[0] ?? '')).employeeClass).toBe('Union Local 12');
    });

    it('refuses an employee class with characters an 834 reserves', async () => {
      const base = enrollment(f.today, { effectiveDate: start });
      const res = await f.post(path('/enrollments'), { ...base, subscriber: { ...base.subscriber, employeeClass: 'Hourly*2' } });
      expect(res.status).toBe(400);
      expect((res.body as unknown as Err).fields?.['subscriber.employeeClass']).toBe("Use letters, digits, spaces or . , & ' - /");
    });

    it('refuses a second enrollment of the same employee, even when both arrive at once', async () => {
      const refusals = async () =>
        (await f.service.db.execute<{ detail: { matchedMemberId: string | null; route: string } }>(sql`SELECT detail FROM audit_log WHERE action = 'member.ssn_match_refused' AND target = 'group:4001' ORDER BY id`)).rows;
      const before = (await refusals()).length;
      const body = enrollment(f.today, { effectiveDate: start });
      const both = await Promise.all([f.post<TransactionAccepted>(path('/enrollments'), body), f.post<TransactionAccepted>(path('/enrollments'), body)]);
      expect(both.map((r) => r.status).sort()).toEqual([201, 422]);
      const enrolled = both.find((r) => r.status === 201)?.body.memberIds[0];
      const again = await f.post(path('/enrollments'), body);
      expect(again.status).toBe(422);
      // The answer must not confirm whose SSN it is: no member ID, no name.
      expect(again.body).toEqual({
        code: 'RULE',
        message: 'This SSN matches another member of this group: check the number. If it is right, reinstate or update that member instead of enrolling again.',
        fields: { 'subscriber.ssn': 'Matches another member' },
      });
      expect(JSON.stringify(again.body)).not.toContain(String(enrolled));
      // Each refusal is audited: the race's loser (found by the unique index or the lookup) and the retry.
      const audited = (await refusals()).slice(before);
      expect(audited).toHaveLength(2);
      expect(audited[1]).toEqual({ detail: { matchedMemberId: enrolled, route: '/v1/groups/:groupNumber/enrollments' } });
      expect(JSON.stringify(audited)).not.toContain(body.subscriber.ssn);
    });

    it('refuses an effective date before the retro window', async () => {
      const earliest = addMonths(firstOfMonth(f.today), -2);
      const res = await enroll({ effectiveDate: addDays(earliest, -1) });
      expect(res.status).toBe(422);
      expect(res.body).toMatchObject({ code: 'RULE', message: `Effective date must be on or after ${earliest}: retroactive changes are limited to the current month and the two before it.` });
    });

    it('refuses a child past the age limit', async () => {
      const res = await enroll({ dependents: [child(addYears(addMonths(start, -1), -26))] });
      expect(res.status).toBe(422);
      expect((res.body as unknown as Err).message).toMatch(/^Ava Whitfield is 26 on \d{4}-\d{2}-\d{2}: children are covered to the end of the month they turn 26/);
      expect((res.body as unknown as Err).fields).toHaveProperty(['dependents.0.dateOfBirth']);
    });

    it('refuses a second spouse or partner', async () => {
      const res = await enroll({ dependents: [spouse, { ...spouse, relationship: 'domestic_partner', firstName: 'Lee' }] });
      expect(res.status).toBe(422);
      expect((res.body as unknown as Err).message).toMatch(/only one spouse or domestic partner can be covered/);
      // Beside the second one, the one to change, as the wizard and the desktop core name it.
      expect((res.body as unknown as Err).fields).toEqual({ 'dependents.1.relationship': (res.body as unknown as Err).message });
    });

    it('refuses coverage before the waiting period ends', async () => {
      const base = enrollment(f.today, { effectiveDate: firstOfMonth(f.today) });
      const res = await f.post(path('/enrollments'), { ...base, subscriber: { ...base.subscriber, hireDate: addDays(firstOfMonth(f.today), -3) } });
      expect(res.status).toBe(422);
      expect((res.body as unknown as Err).message).toMatch(/waiting period is 30 days after the hire date/);
    });
  });

  describe('add a dependent', () => {
    it('covers a newborn from birth and moves the family to the new tier by end-dating, not overwriting', async () => {
      const sub = (await enroll()).body.members[0] as MemberView;
      const born = addDays(f.today, -10);
      const res = await f.post<TransactionAccepted>(path('/dependents'), {
        subscriberId: sub.memberId,
        dependent: child(born),
        event: { kind: 'birth', date: born },
        expectedVersion: sub.version,
      });
      expect(res.status).toBe(201);
      const [newborn, subscriber] = res.body.members;
      expect(newborn?.memberId).toBe(`${sub.memberId}-01`);
      expect(newborn?.coverage.map((c) => [c.tier, c.startDate, c.endDate, c.reason])).toEqual([['ECH', born, null, 'Birth']]);
      expect(subscriber?.version).toBe(sub.version + 1);
      const history = (await member(sub.memberId)).coverage;
      expect(history.map((c) => [c.id, c.tier, c.startDate, c.endDate])).toEqual([
        [sub.coverage[0]?.id, 'EMP', start, addDays(born, -1)],
        [expect.any(Number), 'ECH', born, null],
      ]);
    });

    it('refuses an event older than the special-enrollment window', async () => {
      const sub = (await enroll()).body.members[0] as MemberView;
      const married = addDays(f.today, -40);
      const res = await f.post(path('/dependents'), { subscriberId: sub.memberId, dependent: spouse, event: { kind: 'marriage', date: married }, expectedVersion: sub.version });
      expect(res.status).toBe(422);
      expect((res.body as unknown as Err).message).toBe(
        `Marriage on ${married} was more than 30 days before this request (${f.today}): a change for this event must be requested within 30 days. Otherwise wait for open enrollment or ask the plan for an exception.`,
      );
    });

    it('refuses a second spouse', async () => {
      const sub = (await enroll({ dependents: [spouse] })).body.members[0] as MemberView;
      const res = await f.post(path('/dependents'), {
        subscriberId: sub.memberId,
        dependent: { ...spouse, relationship: 'domestic_partner', firstName: 'Lee' },
        event: { kind: 'domestic_partnership', date: addDays(f.today, -3) },
        expectedVersion: sub.version,
      });
      expect(res.status).toBe(422);
      expect((res.body as unknown as Err).message).toMatch(/^This family already has a spouse: only one spouse or domestic partner can be covered/);
    });
  });

  describe('terminate', () => {
    it("ends a subscriber's coverage at the end of the month, and the dependents' with it", async () => {
      const family = (await enroll({ dependents: [spouse, child('2012-03-03')] })).body.members;
      const sub = family[0] as MemberView;
      const res = await f.post<TransactionAccepted>(path('/terminations'), { memberId: sub.memberId, reason: 'termination_of_employment', requestedDate: f.today, expectedVersion: sub.version });
      expect(res.status).toBe(201);
      expect(res.body.memberIds).toEqual(family.map((m) => m.memberId));
      for (const m of res.body.members) {
        expect(m.coverage.at(-1)).toMatchObject({ endDate: endOfMonth(f.today) });
        expect(m.coverage.at(-1)?.endReason).toMatch(/^Termination of employment \(INS04 08\)/);
        expect(m.version).toBe(2);
      }
    });

    it('refuses to terminate a member twice', async () => {
      const sub = (await enroll()).body.members[0] as MemberView;
      const first = await f.post<TransactionAccepted>(path('/terminations'), { memberId: sub.memberId, reason: 'quit', requestedDate: f.today, expectedVersion: 1 });
      expect(first.status).toBe(201);
      const again = await f.post(path('/terminations'), { memberId: sub.memberId, reason: 'quit', requestedDate: f.today, expectedVersion: 2 });
      expect(again.status).toBe(422);
      expect((again.body as unknown as Err).message).toBe(`Member ${sub.memberId} is already terminated (coverage ends ${endOfMonth(f.today)}): reinstate the member first to change that date.`);
    });

    it('recomputes the tier of those left when a dependent ends', async () => {
      const family = (await enroll({ dependents: [spouse, child('2014-01-20')] })).body.members;
      const partner = family[1] as MemberView;
      const res = await f.post<TransactionAccepted>(path('/terminations'), { memberId: partner.memberId, reason: 'divorce', requestedDate: f.today, expectedVersion: 1 });
      expect(res.status).toBe(201);
      const sub = await member(family[0]?.memberId ?? '');
      expect(sub.coverage.map((c) => [c.tier, c.startDate, c.endDate])).toEqual([
        ['FAM', start, endOfMonth(f.today)],
        ['ECH', addDays(endOfMonth(f.today), 1), null],
      ]);
      expect(sub.version).toBe(2);
    });

    it('refuses a termination date before the retro window', async () => {
      const sub = (await enroll({ effectiveDate: addMonths(firstOfMonth(f.today), -2) })).body.members[0] as MemberView;
      const res = await f.post(path('/terminations'), { memberId: sub.memberId, reason: 'quit', requestedDate: addDays(addMonths(firstOfMonth(f.today), -2), -40), expectedVersion: 1 });
      expect(res.status).toBe(422);
      expect((res.body as unknown as Err).code).toBe('RULE');
    });

    it('refuses a subscriber-only reason for a dependent', async () => {
      const family = (await enroll({ dependents: [spouse] })).body.members;
      const res = await f.post(path('/terminations'), { memberId: family[1]?.memberId, reason: 'retirement', requestedDate: f.today, expectedVersion: 1 });
      expect(res.status).toBe(422);
    });
  });

  describe('reinstate', () => {
    it('restores the subscriber and the dependents who ended with them, with no gap', async () => {
      const family = (await enroll({ dependents: [spouse] })).body.members;
      const sub = family[0] as MemberView;
      await f.post(path('/terminations'), { memberId: sub.memberId, reason: 'layoff', requestedDate: f.today, expectedVersion: 1 });
      const res = await f.post<TransactionAccepted>(path('/reinstatements'), { memberId: sub.memberId, expectedVersion: 2 });
      expect(res.status).toBe(201);
      for (const m of res.body.members) {
        expect(m.coverage.map((c) => [c.tier, c.startDate, c.endDate])).toEqual([
          ['ESP', start, endOfMonth(f.today)],
          ['ESP', addDays(endOfMonth(f.today), 1), null],
        ]);
        expect(m.version).toBe(3);
      }
    });

    it('refuses a member who is not terminated', async () => {
      const sub = (await enroll()).body.members[0] as MemberView;
      const res = await f.post(path('/reinstatements'), { memberId: sub.memberId, expectedVersion: 1 });
      expect(res.status).toBe(422);
      expect((res.body as unknown as Err).message).toBe(`Member ${sub.memberId} is not terminated: there is nothing to reinstate.`);
    });
  });

  describe('update demographics', () => {
    it('changes an address and raises the version', async () => {
      const sub = (await enroll()).body.members[0] as MemberView;
      const address = { line1: '9 Elm Ct', city: 'Peoria', state: 'IL', zip: '61602' };
      const res = await f.post<TransactionAccepted>(path('/demographics'), { memberId: sub.memberId, changes: { address }, effectiveDate: f.today, correction: false, expectedVersion: 1 });
      expect(res.status).toBe(201);
      expect(res.body.members[0]).toMatchObject({ address, version: 2 });
    });

    it("changes the subscriber's employee class, and refuses one for a dependent", async () => {
      const [sub, dep] = (await enroll({ dependents: [spouse] })).body.members as [MemberView, MemberView];
      expect(sub.employeeClass).toBeNull();
      const res = await f.post<TransactionAccepted>(path('/demographics'), { memberId: sub.memberId, changes: { employeeClass: 'Salaried' }, effectiveDate: f.today, correction: false, expectedVersion: 1 });
      expect(res.status).toBe(201);
      expect(res.body.members[0]).toMatchObject({ employeeClass: 'Salaried', version: 2 });
      const refused = await f.post(path('/demographics'), { memberId: dep.memberId, changes: { employeeClass: 'Hourly' }, effectiveDate: f.today, correction: false, expectedVersion: 1 });
      expect(refused.status).toBe(422);
      expect((refused.body as unknown as Err).fields).toEqual({ 'changes.employeeClass': 'Employee only' });
    });

    it('takes a date of birth or SSN only as a correction', async () => {
      const sub = (await enroll()).body.members[0] as MemberView;
      const body = { memberId: sub.memberId, changes: { dateOfBirth: '1985-04-21', ssn: '123-45-6780' }, effectiveDate: f.today, expectedVersion: 1 };
      const refused = await f.post(path('/demographics'), { ...body, correction: false });
      expect(refused.status).toBe(422);
      expect((refused.body as unknown as Err).message).toBe('A date of birth can only be corrected: set correction to confirm the record was wrong.');
      const corrected = await f.post<TransactionAccepted>(path('/demographics'), { ...body, correction: true });
      expect(corrected.status).toBe(201);
      expect(corrected.body.members[0]).toMatchObject({ dateOfBirth: '1985-04-21', ssn: '***-**-6780', version: 2 });
    });
  });

  it('keeps a terminated member read-only', async () => {
    const sub = (await enroll({ effectiveDate: addMonths(firstOfMonth(f.today), -2) })).body.members[0] as MemberView;
    const lastMonth = addMonths(firstOfMonth(f.today), -1);
    await f.post(path('/terminations'), { memberId: sub.memberId, reason: 'quit', requestedDate: lastMonth, expectedVersion: 1 });
    const res = await f.post(path('/demographics'), { memberId: sub.memberId, changes: { phone: '217-555-0142' }, effectiveDate: f.today, correction: false, expectedVersion: 2 });
    expect(res.status).toBe(422);
    expect((res.body as unknown as Err).message).toBe(`Member ${sub.memberId}'s coverage ended on ${endOfMonth(lastMonth)}: a terminated member is read-only. Reinstate the member first.`);
  });

  describe('ID cards', () => {
    it('requests cards for several members at once', async () => {
      const ids = (await enroll({ dependents: [spouse] })).body.memberIds;
      const res = await f.post<TransactionAccepted>(path('/id-card-requests'), { memberIds: ids, reason: 'lost', shipTo: 'employer' });
      expect(res.status).toBe(201);
      expect(res.body.memberIds).toEqual(ids);
    });

    it('names members that are unknown or no longer covered', async () => {
      const unknown = await f.post(path('/id-card-requests'), { memberIds: ['999999998'], reason: 'lost', shipTo: 'member' });
      expect(unknown.status).toBe(404);
      expect((unknown.body as unknown as Err).message).toBe('Not members of group 4001: 999999998.');
    });
  });
});
