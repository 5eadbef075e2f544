/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) so the sandbox data set is identical for
 * the same seed on every machine and run. Not for anything secret.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** One value, chosen with probability proportional to its weight. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
}

export function createRandom(seed: number): Random {
  const split = splitmix32(seed >>> 0);
  let a = split();
  let b = split();
  let c = split();
  let d = split();

  const next = (): number => {
    // sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG).
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  // Warm up: the first outputs of sfc32 still correlate with the seed.
  for (let i = 0; i < 12; i++) next();

  return {
    next,
    int(min, max) {
      if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) throw new RangeError(`Bad integer range [${min}, ${max}]`);
      return min + Math.floor(next() * (max - min + 1));
    },
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('Cannot pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    weighted<T>(entries: readonly (readonly [T, number])[]): T {
      // Index loops, not destructuring iterators: the sandbox generator calls this millions of times.
      let total = 0;
      for (let i = 0; i < entries.length; i++) total += (entries[i] as readonly [T, number])[1];
      if (!(total > 0)) throw new RangeError('Weights must add up to more than zero');
      let roll = next() * total;
      for (let i = 0; i < entries.length; i++) {
        const entry = entries[i] as readonly [T, number];
        roll -= entry[1];
        if (roll < 0) return entry[0];
      }
      // Float rounding can leave roll at ~0 after the last entry.
      return (entries[entries.length - 1] as readonly [T, number])[0];
    },
  };
}

/** A 32-bit FNV-1a hash: turns a name (a group number) into a seed for its own random stream. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}
