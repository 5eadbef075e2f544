import { describe, expect, it } from 'vitest';
import { createRandom, hashString } from './random';

describe('createRandom', () => {
  it('is the same sequence for the same seed and a different one for another seed', () => {
    const draw = (seed: number) => {
      const r = createRandom(seed);
      return Array.from({ length: 20 }, () => r.next());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });
  it('stays in range', () => {
    const r = createRandom(7);
    for (let i = 0; i < 10_000; i++) {
      const x = r.next();
      expect(x >= 0 && x < 1).toBe(true);
      const n = r.int(-3, 3);
      expect(n >= -3 && n <= 3 && Number.isInteger(n)).toBe(true);
    }
  });
  it.each([
    [0, 0],
    [5, 5],
    [1, 6],
  ])('int(%i, %i) reaches both ends', (min, max) => {
    const r = createRandom(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) seen.add(r.int(min, max));
    expect(seen.size).toBe(max - min + 1);
  });
  it('weighted follows the weights', () => {
    const r = createRandom(3);
    const counts = { a: 0, b: 0, c: 0 };
    for (let i = 0; i < 20_000; i++) counts[r.weighted([['a', 1], ['b', 3], ['c', 0]] as const)] += 1;
    expect(counts.c).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.7);
    expect(counts.b / counts.a).toBeLessThan(3.3);
  });
  it('chance follows p', () => {
    const r = createRandom(9);
    let hits = 0;
    for (let i = 0; i < 20_000; i++) if (r.chance(0.1)) hits += 1;
    expect(hits).toBeGreaterThan(1800);
    expect(hits).toBeLessThan(2200);
  });
  it.each([
    ['pick from empty', () => createRandom(1).pick([])],
    ['weights of zero', () => createRandom(1).weighted([['a', 0]])],
    ['reversed range', () => createRandom(1).int(3, 1)],
  ])('refuses %s', (_name, call) => {
    expect(call).toThrow(RangeError);
  });
});

describe('hashString', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
  ])('FNV-1a of %j', (text, hash) => {
    expect(hashString(text)).toBe(hash);
  });
  it('differs between group numbers', () => {
    expect(hashString('100234')).not.toBe(hashString('100871'));
  });
});
