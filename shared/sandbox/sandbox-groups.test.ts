import { describe, expect, it } from 'vitest';
import { group as groupSchema } from '../contract/schemas/group';
import { sandboxGroupDefinitions } from './sandbox-groups';

const plans = sandboxGroupDefinitions.flatMap((d) => d.group.plans);
const dollars = (n: number) => n * 100;

describe('the sandbox plans\' cost sharing', () => {
  it('is set for every plan, as the group schema takes it', () => {
    for (const { group } of sandboxGroupDefinitions) expect(groupSchema.safeParse(group).success).toBe(true);
    expect(plans.filter((p) => p.costSharing === undefined)).toEqual([]);
  });

  it('keeps in-network out-of-pocket maximums within the ACA 2026 limits, out of network double', () => {
    for (const { code, costSharing } of plans) {
      if (!costSharing) continue;
      expect(costSharing.inNetwork.outOfPocketMax.individual, code).toBeLessThanOrEqual(dollars(10_600));
      expect(costSharing.inNetwork.outOfPocketMax.family, code).toBeLessThanOrEqual(dollars(21_200));
      expect(costSharing.outOfNetwork.deductible.individual, code).toBe(2 * costSharing.inNetwork.deductible.individual);
      expect(costSharing.outOfNetwork.outOfPocketMax.family, code).toBe(2 * costSharing.inNetwork.outOfPocketMax.family);
    }
  });

  it('gives each HDHP an HSA-qualifying deductible and out-of-pocket maximum for 2026', () => {
    const hdhps = plans.filter((p) => p.kind === 'HDHP');
    expect(hdhps.map((p) => p.code)).toEqual(['HDHP-BRONZE', 'HDHP-SAVER']);
    for (const { code, costSharing } of hdhps) {
      if (!costSharing) continue;
      expect(costSharing.inNetwork.deductible.individual, code).toBeGreaterThanOrEqual(dollars(1_700));
      expect(costSharing.inNetwork.deductible.family, code).toBeGreaterThanOrEqual(dollars(3_400));
      expect(costSharing.inNetwork.outOfPocketMax.individual, code).toBeLessThanOrEqual(dollars(8_500));
      expect(costSharing.inNetwork.outOfPocketMax.family, code).toBeLessThanOrEqual(dollars(17_000));
    }
    expect(hdhps[0]?.costSharing?.inNetwork.deductible).toEqual({ individual: dollars(3_000), family: dollars(6_000) });
  });
});
