import type { CoverageTier, Plan } from '../contract/schemas/group';
import type { Relationship } from '../contract/schemas/member';
import { isChildRelationship, isPartnerRelationship } from './relationships';

export const coverageTierLabels: Record<CoverageTier, string> = {
  EMP: 'Employee only',
  ESP: 'Employee + spouse/partner',
  ECH: 'Employee + child(ren)',
  FAM: 'Family',
};

/**
 * The tier (834 HD05) follows from who is enrolled on the subscriber's coverage, recomputed after every
 * add or termination (carrier policy). Pass the relationships of the members
 * enrolled on the day in question, subscriber included or not.
 */
export function deriveCoverageTier(enrolled: readonly Relationship[]): CoverageTier {
  const partner = enrolled.some(isPartnerRelationship);
  const children = enrolled.some(isChildRelationship);
  if (partner && children) return 'FAM';
  if (partner) return 'ESP';
  if (children) return 'ECH';
  return 'EMP';
}

/** Monthly premium in cents for a plan at a tier. */
export function monthlyPremium(plan: Plan, tier: CoverageTier): number {
  return plan.rates[tier];
}
