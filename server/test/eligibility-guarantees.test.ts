import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransactionAccepted } from '@shared/plan-api/eligibility';
import type { ChangesPage } from '@shared/plan-api/changes';
import type { MemberList, MemberView } from '@shared/plan-api/members';
import { backends } from '../test-support/backends';
import { tableRowCounts } from '../test-support/row-counts';
import { enrollment, path, startEligibilityService, type EligibilityFixture } from './eligibility-support';

describe.each(backends())('eligibility guarantees (%s)', (backend) => {
  let f: EligibilityFixture;
  beforeAll(async () => {
    f = await startEligibilityService(backend);
  });
  afterAll(async () => f?.service.close());

  it('answers a replayed Idempotency-Key with the first answer and changes nothing', async () => {
    const body = enrollment(f.today);
    const first = await f.post<TransactionAccepted>(path('/enrollments'), body, { key: 'replay-key-0001' });
    expect(first.status).toBe(201);
    const before = await tableRowCounts(f.service.db);
    const replay = await f.post<TransactionAccepted>(path('/enrollments'), body, { key: 'replay-key-0001' });
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(first.body);
    expect(await tableRowCounts(f.service.db)).toEqual(before);
  });

  it('refuses the same key for a different request', async () => {
    await f.post(path('/enrollments'), enrollment(f.today), { key: 'reused-key-0001' });
    const before = await tableRowCounts(f.service.db);
    const other = await f.post(path('/enrollments'), enrollment(f.today), { key: 'reused-key-0001' });
    expect(other.status).toBe(409);
    expect(other.body).toMatchObject({ code: 'CONFLICT' });
    expect(await tableRowCounts(f.service.db)).toEqual(before);
  });

  it('answers a stale member version with CONFLICT and changes nothing', async () => {
    const sub = (await f.post<TransactionAccepted>(path('/enrollments'), enrollment(f.today))).body.members[0] as MemberView;
    const changed = await f.post(path('/demographics'), { memberId: sub.memberId, changes: { phone: '217-555-0199' }, effectiveDate: f.today, correction: false, expectedVersion: 1 });
    expect(changed.status).toBe(201);
    const before = await tableRowCounts(f.service.db);
    const stale = await f.post(path('/terminations'), { memberId: sub.memberId, reason: 'quit', requestedDate: f.today, expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'CONFLICT', message: `Someone else changed member ${sub.memberId} after you opened it: reload the member, check your change and send it again.` });
    // Nothing on screen names the version the plan compared.
    expect(stale.body).not.toHaveProperty('fields');
    expect(await tableRowCounts(f.service.db)).toEqual(before);
  });

  it('gives every accepted transaction its own confirmation number, even at once', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, () => f.post<TransactionAccepted>(path('/enrollments'), enrollment(f.today))));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(201));
    const numbers = answers.map((a) => a.body.confirmationNumber);
    expect(new Set(numbers).size).toBe(12);
  });

  it('requires an Idempotency-Key on every write', async () => {
    const res = await f.post(path('/enrollments'), enrollment(f.today), { key: null });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION', fields: { 'Idempotency-Key': 'Required' } });
  });

  it('never returns an SSN whole: not in answers, member reads or the change feed', async () => {
    const bodies: string[] = [];
    const ssns: string[] = [];
    const body = enrollment(f.today, {
      dependents: [{ relationship: 'child', firstName: 'Mia', lastName: 'Whitfield', dateOfBirth: '2016-08-08', gender: 'F', ssn: '321-54-9876' }],
    });
    ssns.push(body.subscriber.ssn.replaceAll('-', ''), '321549876');
    const enrolled = await f.post<TransactionAccepted>(path('/enrollments'), body);
    bodies.push(JSON.stringify(enrolled.body));
    const sub = enrolled.body.members[0] as MemberView;
    const corrected = await f.post(path('/demographics'), { memberId: sub.memberId, changes: { ssn: '234-56-7891' }, effectiveDate: f.today, correction: true, expectedVersion: 1 });
    ssns.push('234567891');
    bodies.push(JSON.stringify(corrected.body));
    bodies.push(JSON.stringify((await f.get<MemberView>(path(`/members/${sub.memberId}`))).body));
    bodies.push(JSON.stringify((await f.get<MemberList>(path('/members?limit=1000'))).body));
    let after = 0;
    for (;;) {
      const page = (await f.get<ChangesPage>(path(`/changes?after=${after}&limit=500`))).body;
      bodies.push(JSON.stringify(page));
      after = page.nextAfter;
      if (!page.hasMore) break;
    }
    expect(bodies.join('\n')).toContain('***-**-7891');
    // At rest too: no table holds a whole SSN as text (members keep it AES-256-GCM encrypted).
    const tables = await f.service.db.execute<{ table_name: string }>(sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
    for (const { table_name: name } of tables.rows) {
      const rows = await f.service.db.execute<{ row: string }>(sql`SELECT t::text AS row FROM ${sql.identifier(name)} t`);
      bodies.push(...rows.rows.map((r) => r.row));
    }
    for (const ssn of ssns) {
      for (const text of bodies) {
        expect(text.replace(/[\s-]/g, '')).not.toContain(ssn);
      }
    }
  });
});
