import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CycleReport } from '../src/services/billing/billing-cycle';
import type { TransactionAccepted } from '@shared/plan-api/eligibility';
import { enrollment, GROUP, path, startEligibilityService, type EligibilityFixture } from './eligibility-support';

/** The job inside the service: at start, on its timer as the service clock moves, and stopped with the service. */
describe('the billing cycle job', () => {
  let f: EligibilityFixture;
  const logged: string[] = [];
  let started: CycleReport | undefined;
  let closed = false;
  /** Every pass the job announced, from the start. */
  const passes: CycleReport[] = [];
  /** The first pass announced (already or from now on) that `wanted` accepts: the job's own event, no sleeping. */
  const passWhere = async (wanted: (report: CycleReport) => boolean): Promise<CycleReport> => {
    for (;;) {
      const seen = passes.find(wanted);
      if (seen) return seen;
      await once(f.service.billingCycle.events, 'pass');
    }
  };

  beforeAll(async () => {
    f = await startEligibilityService('pglite', { billingCycle: { intervalMs: 20 }, logger: true, logStream: { write: (line) => void logged.push(line) } });
    f.service.billingCycle.events.on('pass', (report) => passes.push(report));
    // The pass at start ran (or is running) before any group had coverage.
    started = await f.service.billingCycle.runNow();
  });
  afterAll(async () => {
    if (!closed) await f?.service.close();
  });

  it('issues on its timer when the clock reaches the bill day, and logs counts and group numbers only', async () => {
    expect(started?.issued).toEqual([]);
    f.service.clock.set('2026-10-05T12:00:00.000Z');
    const res = await f.post<TransactionAccepted>(path('/enrollments'), enrollment('2026-10-05', { effectiveDate: '2026-10-01', subscriber: { ...enrollment('2026-10-05').subscriber, firstName: 'Quintessa', lastName: 'Marchbanks' } }));
    expect(res.status).toBe(201);
    // The next tick sees the coverage: waited for as the job's own event, not a sleep.
    const report = await passWhere((r) => r.issued.length > 0);
    expect(report.issued.map((i) => [i.groupNumber, i.periodStart])).toEqual([[GROUP, '2026-10-01']]);

    const lines = logged.filter((line) => line.includes('billing cycle'));
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ msg: 'billing cycle', asOf: '2026-10-05', issued: 1, groups: [GROUP], failed: 0 });
    const [memberId] = res.body.memberIds;
    for (const line of lines) {
      expect(line).not.toMatch(/Quintessa|Marchbanks|INV-|Cents/);
      expect(line).not.toContain(memberId);
    }
  });

  it('stops with the service: close waits for a pass in progress, and no pass runs after', async () => {
    const running = f.service.billingCycle.runNow();
    closed = true;
    await f.service.close();
    await expect(running).resolves.toMatchObject({ failed: [] });
    await expect(f.service.billingCycle.runNow()).rejects.toThrow(/stopped/);
  });
});
