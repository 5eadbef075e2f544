import type { Relationship } from '../contract/schemas/member';
import { isPartnerRelationship, relationshipLabels } from './relationships';
import { allow, violation, type RuleResult } from './rule-result';

/**
 * One subscriber per family and at most one spouse or domestic partner (docs/architecture.md#domain-rules;
 * the 834 sends every dependent's relationship to the one subscriber).
 * Pass the relationships of everyone enrolled, including the one being added.
 */
export function validateFamilyComposition(family: readonly Relationship[]): RuleResult<readonly Relationship[]> {
  const subscribers = family.filter((r) => r === 'subscriber').length;
  if (subscribers === 0) return violation('relationship', 'A family needs its employee: enroll the employee first, then add dependents.');
  if (subscribers > 1) return violation('relationship', 'A family has exactly one employee: enroll the other employee with coverage of their own.');
  const partners = family.filter(isPartnerRelationship);
  if (partners.length > 1) {
    const [first] = partners as [Relationship, ...Relationship[]];
    return violation(
      'relationship',
      `This family already has a ${relationshipLabels[first].toLowerCase()}: only one spouse or domestic partner can be covered. Terminate the current one first if the family has changed.`,
    );
  }
  return allow(family);
}
