import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateSandbox } from '../../shared/sandbox/generator';
import { createCore } from './core';

const today = '2026-11-27';

describe('the core in sandbox mode', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'groupdesk-sandbox-'));
  const key = randomBytes(32);
  const expected = generateSandbox({ today });

  it('seeds an empty store with the sandbox plan once, and answers every read method from it', async () => {
    const core = createCore({ dataDir, encryptionKey: key, today });
    const status = await core.call('app.status', {});
    expect(status).toMatchObject({ ok: true, value: { mode: 'sandbox', online: false, store: { state: 'ready' }, lastSyncAt: expect.any(String) } });
    const seededAt = status.ok ? (status.value as { lastSyncAt: string }).lastSyncAt : '';

    const first = expected.groups[0];
    if (first === undefined) throw new Error('no sandbox group');
    expect(await core.call('groups.get', { groupNumber: first.group.groupNumber })).toEqual({ ok: true, value: first.group });
    const counts = await core.call('dashboard.counts', { groupNumber: first.group.groupNumber });
    expect(counts).toMatchObject({ ok: true, value: { asOf: seededAt } });
    const page = await core.call('members.list', { groupNumber: first.group.groupNumber, limit: 500, grouping: 'none', statuses: ['active', 'pending', 'terminated'] });
    expect(page).toMatchObject({ ok: true, value: { asOf: seededAt } });

    // Nothing that leaves the core carries a whole SSN.
    const subscriber = first.members.find((m) => m.ssn !== null && m.relationship === 'subscriber');
    if (subscriber?.ssn == null) throw new Error('no subscriber with an SSN');
    const detail = await core.call('members.get', { groupNumber: first.group.groupNumber, memberId: subscriber.memberId });
    expect(detail).toMatchObject({ ok: true, value: { ssn: `***-**-${subscriber.ssn.slice(-4)}` } });
    const found = await core.call('members.search', { groupNumber: first.group.groupNumber, query: subscriber.ssn.slice(-4) });
    expect(found.ok && (found.value as { memberId: string }[]).some((r) => r.memberId === subscriber.memberId)).toBe(true);
    for (const answer of [detail, found, page]) expect(JSON.stringify(answer)).not.toContain(subscriber.ssn);
    await core.close();

    // A second start finds the store filled and does not seed again.
    const again = createCore({ dataDir, encryptionKey: key, today });
    expect(await again.call('app.status', {})).toMatchObject({ ok: true, value: { lastSyncAt: seededAt } });
    await again.close();
  });

  it('leaves an empty store empty when sandbox is off', async () => {
    const core = createCore({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'groupdesk-remote-')), encryptionKey: key, sandbox: false, today });
    expect(await core.call('groups.list', {})).toEqual({ ok: true, value: [] });
    expect(await core.call('app.status', {})).toMatchObject({ ok: true, value: { mode: 'remote', lastSyncAt: null } });
    expect(await core.call('members.list', { groupNumber: '100234' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    await core.close();
  });
});
