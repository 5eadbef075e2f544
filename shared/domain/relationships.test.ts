import { describe, expect, it } from 'vitest';
import { relationships, type Relationship } from '../contract/schemas/member';
import { isChildRelationship, isPartnerRelationship, relationshipCode, relationshipFromCode, subscriberIndicator } from './relationships';

describe('relationship ↔ 834 INS02', () => {
  it.each<[Relationship, string, 'Y' | 'N', boolean, boolean]>([
    ['subscriber', '18', 'Y', false, false],
    ['spouse', '01', 'N', false, true],
    ['domestic_partner', '53', 'N', false, true],
    ['child', '19', 'N', true, false],
    ['stepchild', '17', 'N', true, false],
    ['adopted_child', '09', 'N', true, false],
    ['foster_child', '10', 'N', true, false],
  ])('%s is INS02 %s, INS01 %s, child-like %s, partner %s', (rel, code, ins01, child, partner) => {
    expect(relationshipCode(rel)).toBe(code);
    expect(relationshipFromCode(code)).toBe(rel);
    expect(subscriberIndicator(rel)).toBe(ins01);
    expect(isChildRelationship(rel)).toBe(child);
    expect(isPartnerRelationship(rel)).toBe(partner);
  });
  it('covers every relationship of the contract', () => {
    expect(relationships.map(relationshipCode)).toHaveLength(new Set(relationships.map(relationshipCode)).size);
  });
  it.each([['15'], ['25'], ['99'], ['']])('unsupported code %j maps to null', (code) => {
    expect(relationshipFromCode(code)).toBeNull();
  });
});
