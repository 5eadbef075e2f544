import { describe, expect, it } from 'vitest';
import type { CoverageTier, Plan } from '../contract/schemas/group';
import type { Relationship } from '../contract/schemas/member';
import { deriveCoverageTier, monthlyPremium } from './coverage-tier';

describe('deriveCoverageTier', () => {
  it.each<[Relationship[], CoverageTier]>([
    [['subscriber'], 'EMP'],
    [[], 'EMP'],
    [['subscriber', 'spouse'], 'ESP'],
    [['subscriber', 'domestic_partner'], 'ESP'],
    [['subscriber', 'child'], 'ECH'],
    [['subscriber', 'child', 'stepchild', 'foster_child'], 'ECH'],
    [['subscriber', 'adopted_child'], 'ECH'],
    [['subscriber', 'spouse', 'child'], 'FAM'],
    [['subscriber', 'domestic_partner', 'stepchild'], 'FAM'],
    [['child', 'subscriber', 'spouse', 'child', 'child'], 'FAM'],
  ])('%j → %s', (family, tier) => {
    expect(deriveCoverageTier(family)).toBe(tier);
  });
});

describe('monthlyPremium', () => {
  const plan: Plan = { code: 'HMO-GOLD', name: 'HMO Gold', kind: 'HMO', rates: { EMP: 61234, ESP: 128590, ECH: 116345, FAM: 183700 } };
  it.each<[CoverageTier, number]>([
    ['EMP', 61234],
    ['ESP', 128590],
    ['ECH', 116345],
    ['FAM', 183700],
  ])('%s costs %i cents', (tier, cents) => {
    expect(monthlyPremium(plan, tier)).toBe(cents);
  });
});
