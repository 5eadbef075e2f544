import { describe, expect, it } from 'vitest';
import { nameSortKey } from './name-sort-key';

const sorted = (names: string[]) => [...names].sort((a, b) => (nameSortKey(a) < nameSortKey(b) ? -1 : nameSortKey(a) > nameSortKey(b) ? 1 : 0));

describe('name sort key', () => {
  it('puts accented names among their letter, in the order of a person’s list', () => {
    expect(sorted(['Wu', 'Ødegaard', 'Álvarez', "O'Brien", 'de la Cruz', 'Obama', 'Zimmer', 'Dean', 'Émile', 'Eagan'])).toEqual([
      'Álvarez',
      'de la Cruz',
      'Dean',
      'Eagan',
      'Émile',
      "O'Brien",
      'Obama',
      'Ødegaard',
      'Wu',
      'Zimmer',
    ]);
  });

  it('folds case, accents, ligatures and letters without a decomposable accent', () => {
    expect(nameSortKey('ÁLVAREZ')).toBe('alvarez');
    expect(nameSortKey('Muñoz')).toBe('munoz');
    expect(nameSortKey('Ødegaard')).toBe('odegaard');
    expect(nameSortKey('Strauß')).toBe('strauss');
    expect(nameSortKey('Łukasz')).toBe('lukasz');
    expect(nameSortKey('Æbelø')).toBe('aebelo');
    expect(nameSortKey('ﬁnn')).toBe('finn');
    // A typographic apostrophe sorts as the plain one.
    expect(nameSortKey('O’Brien')).toBe(nameSortKey("O'Brien"));
  });
});
