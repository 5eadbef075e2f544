import { describe, expect, it } from 'vitest';
import { coverageAsOf, type CoveragePeriod } from './coverage-as-of';

const period = (startDate: string, endDate: string | null, tier: CoveragePeriod['tier'] = 'EMP', planCode = 'PPO-A'): CoveragePeriod => ({ planCode, tier, startDate, endDate });

describe('coverageAsOf', () => {
  // Today is 2026-11-27 in these cases; "last month" ended 2026-10-31.
  const terminatedLastMonth = [period('2021-01-01', '2026-10-31')];
  const tierChange = [period('2020-01-01', '2025-06-30', 'EMP'), period('2025-07-01', null, 'FAM')];
  const planChange = [period('2021-01-01', '2023-12-31', 'EMP', 'PPO-A'), period('2024-01-01', '2026-10-31', 'EMP', 'HMO-Z')];
  const rehired = [period('2018-01-01', '2019-12-31'), period('2022-03-01', null, 'ESP')];
  const future = [period('2026-12-01', null)];
  const replacedOnFirstDay = [period('2026-01-01', '2025-12-31', 'FAM'), period('2026-01-01', null, 'ESP')];

  it.each([
    ['terminated last month, as of two months ago', terminatedLastMonth, '2026-09-27', { planCode: 'PPO-A', tier: 'EMP', effectiveDate: '2021-01-01', terminationDate: '2026-10-31' }],
    ['terminated last month, on its last covered day', terminatedLastMonth, '2026-10-31', { planCode: 'PPO-A', tier: 'EMP', effectiveDate: '2021-01-01', terminationDate: '2026-10-31' }],
    ['terminated last month, as of today', terminatedLastMonth, '2026-11-27', null],
    ['tier change, as of an older date: the old tier', tierChange, '2024-03-01', { planCode: 'PPO-A', tier: 'EMP', effectiveDate: '2020-01-01', terminationDate: null }],
    ['tier change, as of today: the new tier, coverage start unchanged', tierChange, '2026-11-27', { planCode: 'PPO-A', tier: 'FAM', effectiveDate: '2020-01-01', terminationDate: null }],
    ['plan change: the plan of that day, the run to its end', planChange, '2023-06-15', { planCode: 'PPO-A', tier: 'EMP', effectiveDate: '2021-01-01', terminationDate: '2026-10-31' }],
    ['rehired after a gap, as of the gap: the coming coverage', rehired, '2021-05-05', { planCode: 'PPO-A', tier: 'ESP', effectiveDate: '2022-03-01', terminationDate: null }],
    ['rehired, as of the first employment', rehired, '2019-05-05', { planCode: 'PPO-A', tier: 'EMP', effectiveDate: '2018-01-01', terminationDate: '2019-12-31' }],
    ['not started yet: the coverage to come', future, '2026-11-27', { planCode: 'PPO-A', tier: 'EMP', effectiveDate: '2026-12-01', terminationDate: null }],
    ['a period replaced on its first day never counts', replacedOnFirstDay, '2026-01-01', { planCode: 'PPO-A', tier: 'ESP', effectiveDate: '2026-01-01', terminationDate: null }],
    ['no history', [], '2026-11-27', null],
  ])('%s', (_name, periods, asOf, expected) => {
    expect(coverageAsOf(periods, asOf)).toEqual(expected);
  });
});
