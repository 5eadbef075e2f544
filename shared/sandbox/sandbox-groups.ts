import type { Group, PlanCostSharing } from '../contract/schemas/group';
import { defaultGroupPolicy } from '../domain/default-policy';
import { centralOhio, westernPennsylvania, type Place } from './places';

/**
 * The two employers of the sandbox plan. Rates are monthly premiums in cents, in line with 2025
 * employer-survey averages (about $780 single and $2,250 family a month), richer plans costing more.
 * Cost sharing is in cents too: richer plans ask less, out of network costs double, and every
 * in-network out-of-pocket maximum stays within the ACA's 2026 limits ($10,600 individual, $21,200
 * family), the HDHPs' within the HSA limits ($8,500 / $17,000) above their HSA minimum deductibles.
 */
export interface SandboxGroupDefinition {
  group: Group;
  subscribers: number;
  /** Where most employees live; the rest are spread across the country. */
  places: readonly Place[];
  /** Years before `today` the group's coverage with the plan began (on a January 1st). */
  yearsWithPlan: number;
}

const dollars = (n: number) => n * 100;

/** In-network deductible and out-of-pocket maximum (individual, in dollars; family twice), out of network double. */
function costSharing(deductible: number, outOfPocketMax: number): PlanCostSharing {
  const network = (d: number, m: number) => ({
    deductible: { individual: dollars(d), family: dollars(2 * d) },
    outOfPocketMax: { individual: dollars(m), family: dollars(2 * m) },
  });
  return { inNetwork: network(deductible, outOfPocketMax), outOfNetwork: network(2 * deductible, 2 * outOfPocketMax) };
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
        { code: 'PPO-SILVER', name: 'PPO Silver', kind: 'PPO', rates: { EMP: 71_210, ESP: 149_540, ECH: 135_300, FAM: 210_070 }, costSharing: costSharing(1_000, 5_000) },
        { code: 'HMO-GOLD', name: 'HMO Gold', kind: 'HMO', rates: { EMP: 78_450, ESP: 164_745, ECH: 149_055, FAM: 231_430 }, costSharing: costSharing(500, 3_500) },
        { code: 'HDHP-BRONZE', name: 'HDHP Bronze', kind: 'HDHP', rates: { EMP: 52_380, ESP: 110_000, ECH: 99_520, FAM: 154_520 }, costSharing: costSharing(3_000, 7_000) },
        { code: 'EPO-PLATINUM', name: 'EPO Platinum', kind: 'EPO', rates: { EMP: 92_115, ESP: 193_440, ECH: 175_020, FAM: 271_740 }, costSharing: costSharing(250, 2_500) },
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
        { code: 'PPO-CHOICE', name: 'PPO Choice', kind: 'PPO', rates: { EMP: 74_860, ESP: 157_210, ECH: 142_235, FAM: 220_840 }, costSharing: costSharing(1_500, 6_000) },
        { code: 'HDHP-SAVER', name: 'HDHP Saver', kind: 'HDHP', rates: { EMP: 54_920, ESP: 115_330, ECH: 104_350, FAM: 162_010 }, costSharing: costSharing(3_400, 8_000) },
      ],
    },
    subscribers: 40,
    places: westernPennsylvania,
    yearsWithPlan: 4,
  },
];
