import Database from 'better-sqlite3';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemberView } from '@shared/plan-api/members';
import { storeFileName } from '../store/open-store';
import { isQuiet, serviceMembers, startSyncTestService, syncTestCore, syncUntilQuiet, tempDataDir, waitForSync, type SyncTestService } from '../test-support/plan-service';

/** The fields both sides must agree on, one line per member. */
function serviceRows(members: readonly MemberView[]): string[] {
  return members
    .map((m) => {
      const coverage = [...m.coverage].sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id - b.id).map((c) => `${c.id}:${c.planCode}/${c.tier} ${c.startDate}..${c.endDate ?? ''}`);
      return `${m.memberId} v${m.version} ${m.subscriberId} ${m.relationship} ${m.firstName} ${m.lastName} ${m.dateOfBirth} ${m.ssn?.slice(-4) ?? '-'} ${m.disabled} [${coverage.join(', ')}]`;
    })
    .sort();
}

function localRows(dataDir: string, groupNumber: string): string[] {
  const db = new Database(path.join(dataDir, storeFileName), { readonly: true });
  try {
    const members = db.prepare('SELECT * FROM members WHERE group_number = ?').all(groupNumber) as Record<string, string | number | null>[];
    const coverage = db.prepare('SELECT member_ref, remote_id, plan_code, tier, start_date, end_date FROM coverage_periods ORDER BY start_date, remote_id').all() as Record<string, string | number | null>[];
    return members
      .map((m) => {
        const periods = coverage.filter((c) => c.member_ref === m.id).map((c) => `${c.remote_id}:${c.plan_code}/${c.tier} ${c.start_date}..${c.end_date ?? ''}`);
        return `${m.member_id} v${m.version} ${m.subscriber_id} ${m.relationship} ${m.first_name} ${m.last_name} ${m.date_of_birth} ${m.ssn_last4 ?? '-'} ${m.disabled === 1} [${periods.join(', ')}]`;
      })
      .sort();
  } finally {
    db.close();
  }
}

describe('pulling from the plan service (real service on 127.0.0.1, real SQLite file)', () => {
  let test: SyncTestService;
  beforeAll(async () => {
    test = await startSyncTestService();
  }, 120_000);
  afterAll(async () => test?.close());

  it('makes a first copy equal to the service’s members, over many small feed pages, then pulls only what changed', async () => {
    const dataDir = tempDataDir();
    // 97 changes a page: families and their coverage land on different pages.
    const core = syncTestCore(test, { dataDir, syncPageSize: 97 });
    const received: { received: number; total: number }[] = [];
    core.onEvent((event) => {
      if (event.type === 'sync.status' && event.progress?.members) received.push(event.progress.members);
    });
    const status = await waitForSync(core, isQuiet);
    expect(status).toMatchObject({ mode: 'remote', online: true, lastSyncAt: expect.any(String) });
    // The progress counts members received out of the group's, from none to all of them.
    const members = (await serviceMembers(test)).length;
    expect(received[0]).toEqual({ received: 0, total: members });
    expect(received.at(-1)).toEqual({ received: members, total: members });
    expect(received.every((r, i) => i === 0 || r.received >= (received[i - 1]?.received ?? 0))).toBe(true);
    const roster = await core.call('members.list', { groupNumber: test.groupNumber, limit: 1 });
    expect(roster.ok).toBe(true);
    await core.close();
    expect(localRows(dataDir, test.groupNumber)).toEqual(serviceRows(await serviceMembers(test)));

    // A change on the service (a demographics update) reaches the copy at the next sync, nothing else moves.
    const again = syncTestCore(test, { dataDir, syncPageSize: 97 });
    await waitForSync(again, isQuiet);
    const [target] = (await serviceMembers(test)).filter((m) => m.relationship === 'subscriber' && m.status === 'active');
    if (target === undefined) throw new Error('no active subscriber');
    const changed = await test.service.api('POST', `/v1/groups/${test.groupNumber}/demographics`, {
      token: test.token,
      headers: { 'idempotency-key': `pull-test-${target.memberId}` },
      body: { memberId: target.memberId, changes: { lastName: 'Quillfeather' }, effectiveDate: test.today, correction: false, expectedVersion: target.version },
    });
    expect(changed.status).toBe(201);
    await syncUntilQuiet(again);
    const found = await again.call('members.search', { groupNumber: test.groupNumber, query: 'Quillf' });
    expect(found.ok && (found.value as { memberId: string }[]).map((r) => r.memberId)).toEqual([target.memberId]);
    await again.close();
    expect(localRows(dataDir, test.groupNumber)).toEqual(serviceRows(await serviceMembers(test)));
  });

  it('a sync that finds nothing new still moves the roster’s “as of” and the last sync time forward', async () => {
    const core = syncTestCore(test, { dataDir: tempDataDir() });
    const first = await waitForSync(core, isQuiet);
    const asOf = async () => {
      const page = await core.call('members.list', { groupNumber: test.groupNumber, limit: 1 });
      if (!page.ok) throw new Error(page.error.message);
      return (page.value as { asOf: string }).asOf;
    };
    const before = await asOf();
    const after = await syncUntilQuiet(core);
    expect(after.lastSyncAt! > first.lastSyncAt!).toBe(true);
    expect((await asOf()) > before).toBe(true);
    await core.close();
  });
});
