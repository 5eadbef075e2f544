import { describe, expect, it } from 'vitest';
import type { HandlerContext } from '../../../dispatch/handler-types';
import { fixtureStore, fixtureToday } from '../../../test-support/member-fixtures';
import { testPorts } from '../../../test-support/test-ports';
import { rosterHistoryHandlers } from './roster-history-handlers';

const context = (): HandlerContext => ({ store: fixtureStore(), ...testPorts(), today: () => fixtureToday, now: () => '2026-11-27T08:00:00.000Z', emit: () => undefined });

describe('roster history handlers', () => {
  it('answers a diff page with every kind counted, the total of the kind shown, and when the replica was synced', async () => {
    const answer = await rosterHistoryHandlers['roster.diff']({ groupNumber: '4321', from: '2026-06-01', to: '2026-12-01', change: 'terminated', offset: 0, limit: 100 }, context());
    // Zoe Abbott ended 2026-06-30 and Mark Miller 2026-10-31; José Muñoz starts 2026-12-01.
    expect(answer).toMatchObject({ added: 1, terminated: 2, changed: 0, total: 2, asOf: '2026-11-27T08:00:00.000Z' });
    expect(answer.rows.map((r) => r.name)).toEqual(['Abbott, Zoe', 'Miller, Mark']);
  });

  it('answers NOT_FOUND for a group that is not on this computer', () => {
    expect(() => rosterHistoryHandlers['roster.counts']({ groupNumber: '9999', asOf: fixtureToday }, context())).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });
});
