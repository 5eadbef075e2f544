import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CoreEvent } from '@shared/contract/events';
import type { AccessOverview } from '@shared/contract/methods/account';
import type { AccessRequestInput } from '@shared/plan-api/access-requests';
import { startSyncTestService, type SyncTestService } from '../../test-support/plan-service';
import { answerOf, Desktops, hasGroup, waitForAnswer, waitForSession } from '../../test-support/account-test-kit';

const request = (groupNumber: string): AccessRequestInput => ({
  companyName: 'Northwind Traders',
  groupNumber,
  officerName: 'Dana Officer',
  officerTitle: 'Chief Financial Officer',
  contactPhone: '(419) 555-0100',
  contactEmail: 'dana.officer@example.com',
  attestation: true,
});

describe('primary-administrator requests from the desktop', () => {
  let test: SyncTestService;
  const desktops = new Desktops(() => test);
  beforeAll(async () => {
    test = await startSyncTestService({ subscribers: 2 });
  }, 120_000);
  afterEach(async () => desktops.closeAll());
  afterAll(async () => test?.close());

  it('files a request, lists it at once, and shows the group when the plan approves it', async () => {
    const user = await test.service.signUpUser();
    const core = await desktops.signedIn(user);
    const events: CoreEvent[] = [];
    core.onEvent((event) => events.push(event));

    const filed = await answerOf(core, 'access.request', request(test.groupNumber));
    expect(filed).toMatchObject({ confirmationNumber: expect.stringMatching(/^PA-\d{4}-\d{6,}$/), groupNumber: test.groupNumber, status: 'pending', expectedCompletion: expect.any(String) });
    expect(events).toContainEqual({ type: 'access.changed' });
    const overview = await core.call('access.overview', {});
    expect(overview).toMatchObject({ ok: true, value: { requests: [{ confirmationNumber: filed.confirmationNumber, status: 'pending', companyName: 'Northwind Traders' }] } });

    const approved = await test.service.ops(['approve', filed.confirmationNumber]);
    expect(approved.join('\n')).toContain(filed.confirmationNumber);
    // The account stream brings the decision: the group and the approved request, with no action here.
    await waitForSession(core, hasGroup(test.groupNumber, 'primary_admin'));
    const decided = await waitForAnswer<AccessOverview>(core, 'access.overview', (o) => o.requests[0]?.status === 'approved');
    expect(decided.requests).toMatchObject([{ confirmationNumber: filed.confirmationNumber, status: 'approved' }]);
  });

  it('files a request once when its answer is lost on the way back, and nothing when the service cannot be reached', async () => {
    const user = await test.service.signUpUser();
    let dropped = 0;
    // The service files the first POST, but the connection breaks before its answer arrives.
    const losesFirstAnswer = (async (url, init) => {
      const answer = await fetch(url, init);
      if (init?.method === 'POST' && String(url).endsWith('/v1/access-requests') && dropped++ === 0) throw new TypeError('fetch failed');
      return answer;
    }) as typeof fetch;
    const core = await desktops.signedIn(user, { fetch: losesFirstAnswer });

    const filed = await answerOf(core, 'access.request', request('770001'));
    expect(filed).toMatchObject({ groupNumber: '770001', status: 'pending' });
    const atPlan = await test.service.api<{ requests: { confirmationNumber: string }[] }>('GET', '/v1/access-requests', { token: user.token });
    expect(atPlan.body.requests.map((r) => r.confirmationNumber)).toEqual([filed.confirmationNumber]);

    const other = await test.service.signUpUser();
    let online = true;
    const cut = ((url, init) => (online ? fetch(url, init) : Promise.reject(new TypeError('fetch failed')))) as typeof fetch;
    const offline = await desktops.signedIn(other, { fetch: cut });
    online = false;
    expect(await offline.call('access.request', request('770002'))).toMatchObject({ ok: false, error: { code: 'OFFLINE' } });
    expect(await offline.call('access.overview', {})).toMatchObject({ ok: true, value: { requests: [] } });
    online = true;
    expect((await test.service.api<{ requests: unknown[] }>('GET', '/v1/access-requests', { token: other.token })).body.requests).toEqual([]);
  });

  it('needs a signed-in user, and keeps the plan’s refusal with its field', async () => {
    const signedOut = desktops.fresh();
    expect(await signedOut.call('access.request', request('770003'))).toMatchObject({ ok: false, error: { code: 'AUTH' } });
    expect(await signedOut.call('access.overview', {})).toEqual({ ok: true, value: { requests: [], refreshedAt: null } });

    const user = await test.service.signUpUser();
    const core = await desktops.signedIn(user);
    expect(await core.call('access.request', request('770004'))).toMatchObject({ ok: true });
    expect(await core.call('access.request', request('770004'))).toMatchObject({ ok: false, error: { code: 'CONFLICT', fields: { groupNumber: 'Request pending' } } });
    expect(await core.call('access.request', { ...request('770005'), attestation: false })).toMatchObject({ ok: false, error: { code: 'VALIDATION', fields: { attestation: expect.any(String) } } });
  });
});
