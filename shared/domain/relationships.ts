import type { Relationship } from '../contract/schemas/member';

/** X12 834 INS02 individual relationship codes (005010X220A1, loop 2000). */
export const relationshipCodes = {
  subscriber: '18',
  spouse: '01',
  domestic_partner: '53',
  child: '19',
  stepchild: '17',
  adopted_child: '09',
  foster_child: '10',
} as const satisfies Record<Relationship, string>;
export type RelationshipCode = (typeof relationshipCodes)[Relationship];

export const relationshipLabels: Record<Relationship, string> = {
  subscriber: 'Employee',
  spouse: 'Spouse',
  domestic_partner: 'Domestic partner',
  child: 'Child',
  stepchild: 'Stepchild',
  adopted_child: 'Adopted child',
  foster_child: 'Foster child',
};

export function relationshipCode(relationship: Relationship): RelationshipCode {
  return relationshipCodes[relationship];
}

/** The relationship for an INS02 code we support, or null for any other code (ward, parent, …). */
export function relationshipFromCode(code: string): Relationship | null {
  const found = (Object.entries(relationshipCodes) as [Relationship, string][]).find(([, c]) => c === code);
  return found ? found[0] : null;
}

/** INS01 is `Y` exactly when INS02 is `18` (self): the subscriber indicator of 005010X220A1. */
export function subscriberIndicator(relationship: Relationship): 'Y' | 'N' {
  return relationship === 'subscriber' ? 'Y' : 'N';
}

/** Children of every kind: the dependent age limit applies to them (45 CFR 147.120) and they make a tier ECH/FAM. */
export function isChildRelationship(relationship: Relationship): boolean {
  return relationship === 'child' || relationship === 'stepchild' || relationship === 'adopted_child' || relationship === 'foster_child';
}

/** Spouse or domestic partner: at most one per family, and either makes a tier ESP/FAM. */
export function isPartnerRelationship(relationship: Relationship): boolean {
  return relationship === 'spouse' || relationship === 'domestic_partner';
}
