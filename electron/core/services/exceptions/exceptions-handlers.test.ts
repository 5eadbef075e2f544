import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExceptionRequest } from '@shared/plan-api/exception-requests';
import type { createCore } from '../../core';
import { isQuiet, serviceMembers, startSyncTestService, syncTestCore, waitForSync, type SyncTestService } from '../../test-support/plan-service';

/** fetch with a switch: `down` fails every request as an unreachable host does. */
function switchableNetwork() {
  const net = {
    down: false,
    fetch: ((url, init) => {
      if (net.down) return Promise.reject(new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }));
      return fetch(url, init);
    }) as typeof fetch,
  };
  return net;
}

describe('asking the plan for an exception from the desktop', () => {
  let test: SyncTestService;
  const net = switchableNetwork();
  let admin: ReturnType<typeof createCore>;
  let employee = '';
  const rule = { code: 'qualifying_event_window', message: 'Birth on 2026-09-01 was more than 30 days before this request: ask the plan for an exception.' } as const;

  beforeAll(async () => {
    test = await startSyncTestService({ subscribers: 2 });
    admin = syncTestCore(test, { fetch: net.fetch });
    await waitForSync(admin, isQuiet);
    employee = (await serviceMembers(test)).find((m) => m.relationship === 'subscriber')?.memberId ?? '';
  }, 120_000);
  afterAll(async () => {
    await admin?.close();
    await test?.close();
  });

  const request = { changeKind: 'add_dependent', input: { relationship: 'child', eventKind: 'birth', eventDate: '2026-09-01' }, rule, note: 'The birth certificate came late.' };

  it('sends the note and answers with the plan’s reference number, which operators then see', async () => {
    const answer = await admin.call('exceptions.request', { groupNumber: test.groupNumber, ...request, memberId: employee });
    expect(answer).toMatchObject({ ok: true, value: { referenceNumber: expect.stringMatching(/^EX-\d{8}-\d{7}$/), memberId: employee, status: 'open', note: 'The birth certificate came late.' } });
    const sent = (answer as { value: ExceptionRequest }).value;
    expect((await test.service.ops(['exceptions', '--group', test.groupNumber]))[0]).toContain(`${sent.referenceNumber}  group ${test.groupNumber}  member ${employee}  add_dependent`);
  });

  it('says plainly that nothing was sent while the plan cannot be reached', async () => {
    net.down = true;
    try {
      const answer = await admin.call('exceptions.request', { groupNumber: test.groupNumber, ...request, memberId: employee });
      expect(answer).toMatchObject({ ok: false, error: { code: 'OFFLINE', message: expect.stringContaining('it was not sent') } });
    } finally {
      net.down = false;
    }
  });

  it('refuses an empty note before asking the plan', async () => {
    expect(await admin.call('exceptions.request', { groupNumber: test.groupNumber, ...request, memberId: employee, note: ' ' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
