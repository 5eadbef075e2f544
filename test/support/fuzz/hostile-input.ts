import fc from 'fast-check';
import { validish, type JsonSchema, type KnownValues } from './schema-arbitrary';

/** Look-alikes and invisible characters: Cyrillic letters, zero-width joiner, right-to-left override, NUL, lone surrogate, non-ASCII digits. */
export const confusableStrings: readonly string[] = [
  'Аdmin', // Cyrillic А
  'Ѕmith', // Cyrillic Ѕ
  'jоhn@example.com', // Cyrillic о
  'Ann\u200dMarie',
  '\u200b',
  'evil\u202Etxt.exe',
  '\u202Dabc\u202C',
  'a\u0000b',
  '\u0000',
  '\ud800',
  '１２３４５６', // full-width digits
  '١٢٣٤٥٦', // Arabic-Indic digits
  '660012\n',
  ' 660012 ',
  '../../etc/passwd',
  "'; DROP TABLE members; --",
  '%00',
  '__proto__',
  'constructor',
  '😀👨‍👩‍👧',
  '',
  ' ',
];

/** Numbers at the limits JSON can carry (NaN and Infinity cannot be JSON). */
export const limitNumbers: readonly number[] = [1e308, -1e308, -0, 2 ** 53 + 1, -(2 ** 53 + 1), 2 ** 31, -1, 0.5, -0.5, 5e-324, 0, 1e21];

/** Nested `depth` times: arrays, or objects under one key. */
export const nested = (depth: number, kind: 'array' | 'object'): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i += 1) value = kind === 'array' ? [value] : { a: value };
  return value;
};

const OVERSIZE = 70_000;

/** One value no schema of ours accepts in most places: confusables, limits, wrong types, huge or deep values. */
export const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(...confusableStrings),
    fc.constantFrom(...limitNumbers),
    fc.constantFrom<unknown>(null, true, false, [], {}, '1', 'true', 'null', [null], { '': null }),
    fc.constantFrom<unknown>('x'.repeat(OVERSIZE), 'é'.repeat(OVERSIZE / 2), nested(400, 'array'), nested(400, 'object'), Array.from({ length: 5000 }, () => 0)),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.jsonValue({ maxDepth: 3 }),
  );

type Mutation = 'replace' | 'drop' | 'extra' | 'twist';

/**
 * Inputs for one schema: valid-ish ones, each also mutated in one place (a field dropped, replaced by
 * a hostile value, a confusable or oversize twist of a string, an extra key), and fully arbitrary JSON.
 */
export function hostileInput(schema: JsonSchema, known: KnownValues = {}): fc.Arbitrary<unknown> {
  const base = validish(schema, known);
  const mutated = fc
    .tuple(base, fc.nat(), fc.constantFrom<Mutation>('replace', 'drop', 'extra', 'twist'), hostileValue(), fc.constantFrom('__proto__', 'constructor', 'extra', 'groupNumber', 'role', 'id', 'x'.repeat(300)), fc.nat())
    .map(([value, pick, kind, replacement, key, twist]) => mutate(value, pick, kind, replacement, key, twist));
  return fc.oneof({ arbitrary: base, weight: 2 }, { arbitrary: mutated, weight: 6 }, { arbitrary: fc.jsonValue(), weight: 1 }, { arbitrary: hostileValue(), weight: 1 });
}

type Path = (string | number)[];

function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (out.length > 200) return out;
  if (Array.isArray(value)) value.forEach((item, i) => paths(item, [...at, i], out));
  else if (isObject(value)) for (const key of Object.keys(value)) paths(value[key], [...at, key], out);
  return out;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function mutate(value: unknown, pick: number, kind: Mutation, replacement: unknown, key: string, twist: number): unknown {
  const copy = structuredClone(value);
  const all = paths(copy);
  const target = all[pick % all.length]!;
  const current = target.reduce<unknown>((node, step) => (node as Record<string | number, unknown>)[step], copy);
  let next: unknown = replacement;
  if (kind === 'twist' && typeof current === 'string') next = twisted(current, twist);
  if (kind === 'extra' && isObject(current)) {
    // defineProperty, because assigning `__proto__` would set the prototype instead of a key.
    Object.defineProperty(current, key, { value: replacement, enumerable: true, writable: true, configurable: true });
    return copy;
  }
  if (target.length === 0) return next;
  const parent = target.slice(0, -1).reduce<unknown>((node, step) => (node as Record<string | number, unknown>)[step], copy) as Record<string | number, unknown>;
  const last = target[target.length - 1]!;
  if (kind === 'drop') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else parent[last] = next;
  return copy;
}

/** A string of the valid input made hostile: a look-alike letter, an invisible or control character, or oversize. */
function twisted(text: string, how: number): string {
  const at = text.length === 0 ? 0 : how % (text.length + 1);
  switch (how % 6) {
    case 0:
      return text.replace(/[aeoc]/, (c) => ({ a: 'а', e: 'е', o: 'о', c: 'с' })[c] ?? c); // Cyrillic look-alikes
    case 1:
      return `${text.slice(0, at)}\u200d${text.slice(at)}`;
    case 2:
      return `\u202E${text}`;
    case 3:
      return `${text}\u0000`;
    case 4:
      return text.padEnd(OVERSIZE, text.length > 0 ? text : 'x');
    default:
      return `${text.slice(0, at)}\u0301${text.slice(at)}`; // a lone combining accent
  }
}
