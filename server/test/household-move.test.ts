import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangesPage } from '@shared/plan-api/changes';
import type { TransactionAccepted } from '@shared/plan-api/eligibility';
import type { MemberView } from '@shared/plan-api/members';
import { addDays, addMonths, firstOfMonth } from '@shared/util/dates';
import { backends } from '../test-support/backends';
import { enrollment, path, startEligibilityService, type EligibilityFixture } from './eligibility-support';

type Err = { code: string; message: string; fields?: Record<string, string> };

describe.each(backends())('an employee moves with the family who lives with them (%s)', (backend) => {
  let f: EligibilityFixture;
  let start: string;
  beforeAll(async () => {
    f = await startEligibilityService(backend);
    start = addMonths(firstOfMonth(f.today), -1);
  });
  afterAll(async () => f?.service.close());

  const home = { line1: '12 Oak St', city: 'Springfield', state: 'IL', zip: '62701' };
  const newHome = { line1: '9 Elm Ct', city: 'Peoria', state: 'IL', zip: '61602' };
  const dorm = { line1: '1 College Ave', city: 'Urbana', state: 'IL', zip: '61801' };
  const spouse = { relationship: 'spouse' as const, firstName: 'Sam', lastName: 'Whitfield', dateOfBirth: '1984-02-29', gender: 'M' as const };
  const child = { relationship: 'child' as const, firstName: 'Ava', lastName: 'Whitfield', dateOfBirth: '2015-06-01', gender: 'F' as const };
  const member = async (id: string) => (await f.get<MemberView>(path(`/members/${id}`))).body;
  const enroll = async (dependents: NonNullable<Parameters<typeof enrollment>[1]>['dependents']) =>
    (await f.post<TransactionAccepted>(path('/enrollments'), enrollment(f.today, { effectiveDate: start, dependents }))).body.members;
  const move = (sub: MemberView, extra: Record<string, unknown> = {}) =>
    f.post<TransactionAccepted>(path('/demographics'), { memberId: sub.memberId, changes: { address: newHome }, effectiveDate: f.today, correction: false, expectedVersion: sub.version, ...extra });

  it('links a dependent entered without an address, and not one given their own', async () => {
    const [sub, linked, own] = await enroll([spouse, { ...child, address: home }]);
    expect([sub?.sameAddressAsSubscriber, linked?.sameAddressAsSubscriber, own?.sameAddressAsSubscriber]).toEqual([false, true, false]);
  });

  it('moves the chosen dependents in the same transaction, each with a feed entry', async () => {
    const [sub, linked, sameButUnlinked] = (await enroll([spouse, { ...child, address: home }])) as [MemberView, MemberView, MemberView];
    const head = (await f.get<ChangesPage>(`${path('/changes')}?after=0&limit=1`)).body.headSeq;
    const res = await move(sub, { moveDependents: [linked.memberId, sameButUnlinked.memberId] });
    expect(res.status).toBe(201);
    expect(res.body.memberIds).toEqual([sub.memberId, linked.memberId, sameButUnlinked.memberId]);
    expect(res.body.members.map((m) => [m.memberId, m.address, m.sameAddressAsSubscriber, m.version])).toEqual([
      [sub.memberId, newHome, false, 2],
      [linked.memberId, newHome, true, 2],
      [sameButUnlinked.memberId, newHome, true, 2],
    ]);
    const page = (await f.get<ChangesPage>(`${path('/changes')}?after=${head}`)).body;
    expect(page.changes.filter((c) => c.entity === 'member').map((c) => c.entityId).sort()).toEqual([sub.memberId, linked.memberId, sameButUnlinked.memberId].sort());
    const transactions = page.changes.filter((c) => c.entity === 'transaction');
    expect(transactions).toHaveLength(1);
    expect(new Set(page.changes.map((c) => c.committedAt)).size).toBe(1);
  });

  it('lets a linked dependent stay behind, no longer linked', async () => {
    const [sub, stays] = (await enroll([spouse])) as [MemberView, MemberView];
    const res = await move(sub, { moveDependents: [] });
    expect(res.status).toBe(201);
    expect(await member(stays.memberId)).toMatchObject({ address: home, sameAddressAsSubscriber: false, version: 2 });
  });

  it('takes along a newborn added "same as the employee" when the employee moves later, unasked', async () => {
    const [sub] = (await enroll([])) as [MemberView];
    const born = addDays(f.today, -10);
    const added = await f.post<TransactionAccepted>(path('/dependents'), { subscriberId: sub.memberId, dependent: { ...child, dateOfBirth: born }, event: { kind: 'birth', date: born }, expectedVersion: sub.version });
    const [newborn, employee] = added.body.members as [MemberView, MemberView];
    expect(newborn.sameAddressAsSubscriber).toBe(true);
    expect((await move(employee)).status).toBe(201);
    expect(await member(newborn.memberId)).toMatchObject({ address: newHome, sameAddressAsSubscriber: true });
  });

  it('stops following once the dependent is given an address of their own', async () => {
    const [sub, student] = (await enroll([child])) as [MemberView, MemberView];
    const own = await f.post<TransactionAccepted>(path('/demographics'), { memberId: student.memberId, changes: { address: dorm }, effectiveDate: f.today, correction: false, expectedVersion: 1 });
    expect(own.body.members[0]).toMatchObject({ address: dorm, sameAddressAsSubscriber: false });
    expect((await move(sub)).body.memberIds).toEqual([sub.memberId]);
    expect((await member(student.memberId)).address).toEqual(dorm);
  });

  it('refuses the whole move when it names a dependent living elsewhere: nobody moves', async () => {
    const [sub, linked, away] = (await enroll([spouse, { ...child, address: dorm }])) as [MemberView, MemberView, MemberView];
    const res = await move(sub, { moveDependents: [linked.memberId, away.memberId] });
    expect(res.status).toBe(422);
    expect((res.body as unknown as Err).fields).toHaveProperty(['moveDependents']);
    expect((await member(sub.memberId)).address).toEqual(home);
    expect((await member(linked.memberId)).address).toEqual(home);
  });

  it('refuses dependents to move without a new address', async () => {
    const [sub, linked] = (await enroll([spouse])) as [MemberView, MemberView];
    const res = await f.post(path('/demographics'), { memberId: sub.memberId, changes: { phone: '217-555-0142' }, effectiveDate: f.today, correction: false, expectedVersion: 1, moveDependents: [linked.memberId] });
    expect(res.status).toBe(422);
  });
});
