import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createParser } from 'eventsource-parser';
import { changesPage, type ChangesPage } from '@shared/plan-api/changes';
import type { TransactionAccepted } from '@shared/plan-api/eligibility';
import type { MemberList, MemberView } from '@shared/plan-api/members';
import { backends } from '../test-support/backends';
import { enrollment, GROUP, OTHER_GROUP, path, startEligibilityService, type EligibilityFixture } from './eligibility-support';

describe.each(backends())('change feed (%s)', (backend) => {
  let f: EligibilityFixture;
  beforeAll(async () => {
    f = await startEligibilityService(backend);
  });
  afterAll(async () => f?.service.close());

  async function readAll(group: string, limit: number): Promise<ChangesPage['changes']> {
    const all: ChangesPage['changes'] = [];
    let after = 0;
    for (;;) {
      const res = await f.get<ChangesPage>(`${path('/changes', group)}?after=${after}&limit=${limit}`, group === GROUP ? f.tokens.read_only : f.tokens.other_group);
      expect(res.status).toBe(200);
      const page = changesPage.parse(res.body);
      all.push(...page.changes);
      expect(page.nextAfter).toBe(page.changes.at(-1)?.seq ?? after);
      after = page.nextAfter;
      if (!page.hasMore) {
        expect(page.headSeq).toBe(after);
        return all;
      }
    }
  }

  it('lists every change in commit order with no gaps, paged by `after`, even under concurrent writers', async () => {
    await Promise.all(Array.from({ length: 10 }, () => f.post(path('/enrollments'), enrollment(f.today))));
    const sub = (await f.post<TransactionAccepted>(path('/enrollments'), enrollment(f.today))).body.members[0] as MemberView;
    await f.post(path('/terminations'), { memberId: sub.memberId, reason: 'quit', requestedDate: f.today, expectedVersion: 1 });
    const changes = await readAll(GROUP, 7);
    expect(changes.map((c) => c.seq)).toEqual(changes.map((_, i) => i + 1));
    // 12 transactions, each: its members, their coverage, the transaction record.
    expect(changes.filter((c) => c.entity === 'transaction')).toHaveLength(12);
    const last = changes.filter((c) => c.entityId === sub.memberId && c.entity === 'member').at(-1);
    expect(last?.payload).toMatchObject({ memberId: sub.memberId, version: 2 });
    const ended = changes.filter((c) => c.entity === 'coverage' && c.payload && 'memberId' in c.payload && c.payload.memberId === sub.memberId).at(-1);
    expect(ended?.payload).toMatchObject({ endReason: 'Quit (INS04 16)' });
  });

  it("records a user's new role in the group's feed, after the writes committed before it, with no account secrets", async () => {
    const before = await f.post<TransactionAccepted>(path('/enrollments'), enrollment(f.today));
    expect(before.status).toBe(201);
    const user = await f.service.signUpUser({ name: 'Robin Requester' });
    const filed = await f.service.api<{ confirmationNumber: string }>('POST', '/v1/access-requests', {
      token: user.token,
      body: { companyName: 'Acme Tools', groupNumber: GROUP, officerName: 'Robin Officer', officerTitle: 'CFO', contactPhone: '(555) 010-2000', contactEmail: 'robin@acme.example', attestation: true },
    });
    expect(filed.status).toBe(201);
    await f.service.ops(['approve', filed.body.confirmationNumber]);
    const changes = await readAll(GROUP, 1000);
    const granted = changes.at(-1);
    expect(granted).toMatchObject({ entity: 'user', entityId: user.userId, op: 'upsert' });
    expect(granted?.payload).toEqual({ userId: user.userId, name: 'Robin Requester', role: 'primary_admin', status: 'active' });
    const enrolled = changes.findIndex((c) => c.entity === 'transaction' && c.entityId === before.body.confirmationNumber);
    expect(enrolled).toBeGreaterThanOrEqual(0);
    expect(granted?.seq).toBeGreaterThan(changes[enrolled]?.seq ?? Infinity);
  });

  it("tells the group's member count on the first page, for a first sync's progress, and only there", async () => {
    await f.post(path('/enrollments'), enrollment(f.today));
    const listed = await f.get<MemberList>(`${path('/members')}?limit=1`, f.tokens.read_only);
    const read = async (after: number) => changesPage.parse((await f.get<ChangesPage>(`${path('/changes')}?after=${after}&limit=2`, f.tokens.read_only)).body);
    const first = await read(0);
    expect(first.memberTotal).toBe(listed.body.total);
    expect((await read(first.nextAfter)).memberTotal).toBeUndefined();
  });

  it("keeps each group's feed to itself", async () => {
    const before = await readAll(OTHER_GROUP, 100);
    await f.post(path('/enrollments'), enrollment(f.today));
    expect(await readAll(OTHER_GROUP, 100)).toEqual(before);
  });

  it('announces the new sequence number on the SSE stream after a write', async () => {
    const controller = new AbortController();
    const response = await fetch(`${f.service.url}${path('/changes/stream')}`, { headers: { authorization: `Bearer ${f.tokens.read_only}` }, signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const seqs: number[] = [];
    const waiters: { predicate: (seq: number) => boolean; resolve: (seq: number) => void }[] = [];
    const parser = createParser({
      onEvent(event) {
        expect(event.event).toBe('changes');
        const { seq } = JSON.parse(event.data) as { seq: number };
        seqs.push(seq);
        for (const w of waiters.splice(0)) {
          if (w.predicate(seq)) w.resolve(seq);
          else waiters.push(w);
        }
      },
    });
    const next = (predicate: (seq: number) => boolean) =>
      new Promise<number>((resolve) => {
        const seen = seqs.find(predicate);
        if (seen !== undefined) resolve(seen);
        else waiters.push({ predicate, resolve });
      });
    const reading = (async () => {
      const decoder = new TextDecoder();
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) parser.feed(decoder.decode(chunk, { stream: true }));
    })().catch(() => undefined);
    const head = await next(() => true);
    const written = await f.post<TransactionAccepted>(path('/enrollments'), enrollment(f.today));
    expect(written.status).toBe(201);
    const announced = await next((seq) => seq > head);
    const tail = await f.get<ChangesPage>(`${path('/changes')}?after=${head}`);
    expect(announced).toBe(tail.body.headSeq);
    expect(tail.body.changes.at(-1)).toMatchObject({ entity: 'transaction', entityId: written.body.confirmationNumber });
    controller.abort();
    await reading;
  });
});
