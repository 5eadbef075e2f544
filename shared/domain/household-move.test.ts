import { describe, expect, it } from 'vitest';
import type { Address } from '../contract/schemas/group';
import { moveCandidates, planHouseholdMove, sameAddress, type HouseholdDependent } from './household-move';

const home: Address = { line1: '12 Elm St', city: 'Dayton', state: 'OH', zip: '45402' };
const elsewhere: Address = { line1: '9 College Ave', city: 'Athens', state: 'OH', zip: '45701' };
const dependent = (memberId: string, address: Address, linked: boolean, terminated = false): HouseholdDependent => ({ memberId, address, sameAddressAsSubscriber: linked, terminated });

describe('sameAddress', () => {
  it.each<[Address, Address, boolean]>([
    [home, { ...home }, true],
    [home, { ...home, line2: '' }, true],
    [home, { ...home, line2: 'Apt 2' }, false],
    [home, { ...home, zip: '45403' }, false],
    [home, elsewhere, false],
  ])('%o and %o → %s', (a, b, same) => {
    expect(sameAddress(a, b)).toBe(same);
  });
});

describe('moveCandidates', () => {
  it.each<[string, HouseholdDependent, boolean | null]>([
    ['linked', dependent('D1', home, true), true],
    ['linked but the address drifted', dependent('D1', elsewhere, true), true],
    ['same address, not linked', dependent('D1', home, false), false],
    ['lives elsewhere', dependent('D1', elsewhere, false), null],
    ['terminated, linked', dependent('D1', home, true, true), null],
  ])('%s → %s', (_case, d, linked) => {
    expect(moveCandidates(home, [d])).toEqual(linked === null ? [] : [{ memberId: 'D1', linked }]);
  });
});

describe('planHouseholdMove', () => {
  const family = [dependent('L1', home, true), dependent('L2', home, true), dependent('S1', home, false), dependent('X1', elsewhere, false)];
  it.each<[string, string[] | undefined, { move: string[]; unlink: string[] }]>([
    ['no answer: the linked follow', undefined, { move: ['L1', 'L2'], unlink: [] }],
    ['everyone offered', ['L1', 'L2', 'S1'], { move: ['L1', 'L2', 'S1'], unlink: [] }],
    ['a linked one stays', ['L1'], { move: ['L1'], unlink: ['L2'] }],
    ['nobody moves', [], { move: [], unlink: ['L1', 'L2'] }],
  ])('%s', (_case, chosen, expected) => {
    expect(planHouseholdMove(home, family, chosen)).toEqual({ ok: true, value: expected });
  });
  it('refuses a dependent who lived elsewhere', () => {
    expect(planHouseholdMove(home, family, ['X1'])).toEqual(expect.objectContaining({ ok: false, field: 'moveDependents' }));
  });
});
