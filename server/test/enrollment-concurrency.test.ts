import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TransactionAccepted } from '@shared/plan-api/eligibility';
import type { ChangesPage } from '@shared/plan-api/changes';
import type { MemberView } from '@shared/plan-api/members';
import { backends } from '../test-support/backends';
import { tableRowCounts } from '../test-support/row-counts';
import { GROUP, enrollment, path, startEligibilityService, type EligibilityFixture } from './eligibility-support';

/**
 * Enrollment claims its key, reads and writes in two statements of its own (services/eligibility/enroll.ts),
 * building its rows and answer from numbers drawn first: these hold it to what the general path
 * guaranteed, with requests at once (truly parallel on PostgreSQL: ten pooled connections).
 */
describe.each(backends())('enrollments at once (%s)', (backend) => {
  let f: EligibilityFixture;
  beforeAll(async () => {
    f = await startEligibilityService(backend);
  });
  afterAll(async () => f?.service.close());

  const family = () =>
    enrollment(f.today, {
      dependents: [
        { relationship: 'spouse', firstName: 'Alex', lastName: 'Whitfield', dateOfBirth: '1986-02-03', gender: 'M', disabled: false },
        { relationship: 'child', firstName: 'Robin', lastName: 'Whitfield', dateOfBirth: '2015-06-07', gender: 'F', disabled: false },
      ],
    });

  it('stores each of many parallel enrollments as answered, with its own numbers, audit entry and gapless feed entries', async () => {
    const { rows: head } = await f.service.db.execute<{ last_seq: string | number }>(sql`SELECT last_seq FROM group_feeds WHERE group_number = ${GROUP}`);
    const after = Number(head[0]?.last_seq ?? 0);
    const answers = await Promise.all(Array.from({ length: 16 }, () => f.post<TransactionAccepted>(path('/enrollments'), family())));
    expect(answers.map((a) => a.status)).toEqual(Array(16).fill(201));
    const accepted = answers.map((a) => a.body);
    expect(new Set(accepted.map((a) => a.confirmationNumber)).size).toBe(16);
    expect(new Set(accepted.flatMap((a) => a.memberIds)).size).toBe(48);

    for (const answer of accepted) {
      // The answer was built before the rows were written: the member as read back must be the same.
      for (const member of answer.members) {
        const read = await f.get<MemberView>(path(`/members/${member.memberId}`));
        expect(read.body).toEqual(member);
      }
      expect(answer.members.map((m) => m.coverage.map((c) => c.tier))).toEqual([['FAM'], ['FAM'], ['FAM']]);
    }
    const numbers = accepted.map((a) => a.confirmationNumber);
    const linked = await f.service.db.execute<{ created_by: string; n: string | number }>(
      sql`SELECT created_by, count(*) AS n FROM coverage_periods WHERE created_by IN ${numbers} GROUP BY created_by`,
    );
    expect(linked.rows.map((r) => Number(r.n))).toEqual(Array(16).fill(3));
    const audited = await f.service.db.execute<{ n: string | number }>(
      sql`SELECT count(*) AS n FROM audit_log WHERE action = 'eligibility.enroll' AND detail->>'confirmationNumber' IN ${numbers}`,
    );
    expect(Number(audited.rows[0]?.n)).toBe(16);

    const page = await f.get<ChangesPage>(`${path('/changes')}?after=${after}&limit=1000`);
    const seqs = page.body.changes.map((c) => c.seq);
    // 3 members, 3 coverage periods and the transaction each, numbered without a gap or a repeat.
    expect(seqs).toEqual(Array.from({ length: 16 * 7 }, (_, i) => after + i + 1));
    const transactions = page.body.changes.filter((c) => c.entity === 'transaction').map((c) => c.entityId);
    expect(transactions.sort()).toEqual([...numbers].sort());
  });

  it('enrolls a retried enrollment once when its copies arrive at once, answering each copy alike', async () => {
    const body = family();
    const key = `retry-${randomUUID()}`;
    const before = await tableRowCounts(f.service.db);
    const copies = await Promise.all(Array.from({ length: 6 }, () => f.post<TransactionAccepted>(path('/enrollments'), body, { key })));
    // A copy that arrives while the first is being written waits on the key's index for it to commit, then gets its answer.
    expect(copies.map((c) => c.status)).toEqual(Array(6).fill(201));
    const answered = copies.map((c) => c.body);
    for (const answer of answered) expect(answer).toEqual(answered[0]);
    const after = await tableRowCounts(f.service.db);
    expect(after['members']).toBe((before['members'] ?? 0) + 3);
    expect(after['eligibility_transactions']).toBe((before['eligibility_transactions'] ?? 0) + 1);
    const replay = await f.post<TransactionAccepted>(path('/enrollments'), body, { key });
    expect(replay.status).toBe(201);
    expect(replay.body).toEqual(answered[0]);
  });

  it('accepts one of several enrollments of the same SSN at once and refuses the rest without naming anyone, writing nothing for them', async () => {
    const ssn = enrollment(f.today).subscriber.ssn;
    const before = await tableRowCounts(f.service.db);
    const tries = await Promise.all(Array.from({ length: 6 }, () => f.post(path('/enrollments'), enrollment(f.today, { subscriber: { ...enrollment(f.today).subscriber, ssn } }))));
    expect(tries.filter((t) => t.status === 201)).toHaveLength(1);
    for (const refused of tries.filter((t) => t.status !== 201)) {
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'RULE', fields: { 'subscriber.ssn': 'Matches another member' } });
      expect(JSON.stringify(refused.body)).not.toMatch(/\d{9}/);
    }
    const after = await tableRowCounts(f.service.db);
    expect(after['members']).toBe((before['members'] ?? 0) + 1);
    expect(after['eligibility_transactions']).toBe((before['eligibility_transactions'] ?? 0) + 1);
    expect(after['idempotency_keys']).toBe((before['idempotency_keys'] ?? 0) + 1);
  });

  it('stores the SSN encrypted to its own row: it opens with its member ID and with no other', async () => {
    const body = enrollment(f.today);
    const { memberIds } = (await f.post<TransactionAccepted>(path('/enrollments'), body)).body;
    const subscriberId = memberIds[0] as string;
    const stored = await f.service.db.execute<{ ssn_encrypted: Uint8Array }>(sql`SELECT ssn_encrypted FROM members WHERE member_id = ${subscriberId}`);
    const sealed = stored.rows[0]?.ssn_encrypted as Uint8Array;
    expect(Buffer.from(sealed).includes(Buffer.from(body.subscriber.ssn))).toBe(false);
    expect(f.service.ssnCipher.decrypt(sealed, subscriberId)).toBe(body.subscriber.ssn);
    expect(() => f.service.ssnCipher.decrypt(sealed, `${subscriberId}-01`)).toThrow();
  });
});
