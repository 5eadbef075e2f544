import { describe, expect, it } from 'vitest';
import type { Relationship } from '../contract/schemas/member';
import { validateFamilyComposition } from './family-composition';

describe('validateFamilyComposition', () => {
  it.each<[Relationship[], string | null]>([
    [['subscriber'], null],
    [['subscriber', 'spouse', 'child', 'child', 'stepchild'], null],
    [['subscriber', 'domestic_partner', 'foster_child'], null],
    [['spouse', 'child'], 'enroll the employee first'],
    [[], 'enroll the employee first'],
    [['subscriber', 'subscriber'], 'exactly one employee'],
    [['subscriber', 'spouse', 'spouse'], 'already has a spouse'],
    [['subscriber', 'spouse', 'domestic_partner'], 'only one spouse or domestic partner'],
    [['subscriber', 'domestic_partner', 'spouse'], 'already has a domestic partner'],
  ])('%j → %s', (family, problem) => {
    const result = validateFamilyComposition(family);
    if (problem === null) expect(result.ok).toBe(true);
    else expect(result).toMatchObject({ ok: false, code: 'RULE', field: 'relationship', message: expect.stringContaining(problem) });
  });
});
