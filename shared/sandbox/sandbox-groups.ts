import type { Group } from '../contract/schemas/group';
import { defaultGroupPolicy } from '../domain/default-policy';
import { centralOhio, westernPennsylvania, type Place } from './places';

/**
 * The two employers of the sandbox plan. Rates are monthly premiums in cents, in line with 2025
 * employer-survey averages (about $780 single and $2,250 family a month), richer plans costing more.
 */
export interface SandboxGroupDefinition {
  group: Group;
  subscribers: number;
  /** Where most employees live; the rest are spread across the country. */
  places: readonly Place[];
  /** Years before `today` the group's coverage with the plan began (on a January 1st). */
  yearsWithPlan: number;
}

export const sandboxGroupDefinitions: readonly SandboxGroupDefinition[] = [
  {
    group: {
      groupNumber: '100234',
      name: 'Riverbend Logistics Co.',
      address: { line1: '2450 Corporate Exchange Dr', line2: 'Suite 300', city: 'Columbus', state: 'OH', zip: '43231' },
      region: 'Central Ohio',
      policy: { ...defaultGroupPolicy },
      plans: [
        { code: 'PPO-SILVER', name: 'PPO Silver', kind: 'PPO', rates: { EMP: 71_210, ESP: 149_540, ECH: 135_300, FAM: 210_070 } },
        { code: 'HMO-GOLD', name: 'HMO Gold', kind: 'HMO', rates: { EMP: 78_450, ESP: 164_745, ECH: 149_055, FAM: 231_430 } },
        { code: 'HDHP-BRONZE', name: 'HDHP Bronze', kind: 'HDHP', rates: { EMP: 52_380, ESP: 110_000, ECH: 99_520, FAM: 154_520 } },
        { code: 'EPO-PLATINUM', name: 'EPO Platinum', kind: 'EPO', rates: { EMP: 92_115, ESP: 193_440, ECH: 175_020, FAM: 271_740 } },
      ],
    },
    subscribers: 300,
    places: centralOhio,
    yearsWithPlan: 9,
  },
  {
    group: {
      groupNumber: '100871',
      name: 'Allegheny Valley Dental Partners',
      address: { line1: '1100 Penn Ave', city: 'Pittsburgh', state: 'PA', zip: '15222' },
      region: 'Western Pennsylvania',
      // A longer waiting period and a 31-day special-enrollment window, to exercise the policy values.
      policy: { ...defaultGroupPolicy, waitingPeriodDays: 60, specialEnrollmentDays: 31 },
      plans: [
        { code: 'PPO-CHOICE', name: 'PPO Choice', kind: 'PPO', rates: { EMP: 74_860, ESP: 157_210, ECH: 142_235, FAM: 220_840 } },
        { code: 'HDHP-SAVER', name: 'HDHP Saver', kind: 'HDHP', rates: { EMP: 54_920, ESP: 115_330, ECH: 104_350, FAM: 162_010 } },
      ],
    },
    subscribers: 40,
    places: westernPennsylvania,
    yearsWithPlan: 4,
  },
];
