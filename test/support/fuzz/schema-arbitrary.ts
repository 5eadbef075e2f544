import fc from 'fast-check';

/** The part of JSON Schema (draft 2020-12, as zod's toJSONSchema and the OpenAPI document write it) the fuzz reads. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
}

/**
 * Values the fuzz should use often for a property of that name, because a random one never names a
 * real row: the seeded group's number, a member it holds … With them a valid-ish input gets past
 * "no such group" to the handler's own checks.
 */
export type KnownValues = Readonly<Record<string, readonly unknown[]>>;

const MAX_DEPTH = 8;
const SAMPLE_ARRAY = 4;
const SAMPLE_STRING = 40;

/**
 * Inputs that mostly satisfy `schema`: what a well-behaved client would send. Mutated afterwards
 * (hostile-input.ts) so the fuzz reaches the checks after the first type check. Only a subset of
 * JSON Schema is understood; anything else becomes an arbitrary JSON value, which is still a valid
 * fuzz input, only a less targeted one.
 */
export function validish(schema: JsonSchema, known: KnownValues = {}): fc.Arbitrary<unknown> {
  return build(schema, schema, known, undefined, 0);
}

function build(schema: JsonSchema, root: JsonSchema, known: KnownValues, name: string | undefined, depth: number): fc.Arbitrary<unknown> {
  if (depth > MAX_DEPTH) return fc.constant(null);
  const generated = shape(schema, root, known, depth);
  const favourites = name === undefined ? undefined : known[name];
  if (favourites === undefined || favourites.length === 0) return generated;
  return fc.oneof({ arbitrary: fc.constantFrom(...favourites), weight: 3 }, { arbitrary: generated, weight: 1 });
}

function shape(schema: JsonSchema, root: JsonSchema, known: KnownValues, depth: number): fc.Arbitrary<unknown> {
  const next = (s: JsonSchema, name?: string) => build(s, root, known, name, depth + 1);
  if (schema.$ref !== undefined) return next(resolve(schema.$ref, root));
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum !== undefined && schema.enum.length > 0) return fc.constantFrom(...schema.enum);
  const choices = schema.anyOf ?? schema.oneOf;
  if (choices !== undefined && choices.length > 0) return fc.oneof(...choices.map((choice) => next(choice)));
  if (schema.allOf !== undefined && schema.allOf.length > 0) return next(schema.allOf[0]!);
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type) => next({ ...schema, type })));
  switch (schema.type) {
    case 'object':
      return object(schema, next);
    case 'array':
      return array(schema, next);
    case 'string':
      return string(schema);
    case 'integer':
      return integer(schema);
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function object(schema: JsonSchema, next: (s: JsonSchema, name?: string) => fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  const properties = schema.properties ?? {};
  const keys = Object.keys(properties);
  if (keys.length === 0) return fc.constant({});
  const model = Object.fromEntries(keys.map((key) => [key, next(properties[key]!, key)]));
  return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => keys.includes(key)) });
}

function array(schema: JsonSchema, next: (s: JsonSchema) => fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  if (schema.prefixItems !== undefined) return fc.tuple(...schema.prefixItems.map((item) => next(item)));
  const minLength = schema.minItems ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? SAMPLE_ARRAY, SAMPLE_ARRAY));
  return fc.array(next(schema.items ?? {}), { minLength, maxLength });
}

function string(schema: JsonSchema): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, schema.maxLength ?? SAMPLE_STRING);
  const fits = (s: string) => s.length >= minLength && s.length <= maxLength;
  if (schema.format === 'email') return fc.emailAddress().filter(fits);
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'date') return isoDate();
  if (schema.format === 'date-time') return isoDate().map((day) => `${day}T12:00:00.000Z`);
  if (schema.pattern !== undefined) {
    // Patterns are generated, not filtered for: most are too narrow for a random string to hit.
    const matching = fc.stringMatching(new RegExp(schema.pattern, 'u'));
    return fc.oneof(matching.filter(fits), fc.constant('x'.repeat(minLength)).filter(fits), matching);
  }
  return fc.string({ minLength, maxLength: Math.min(maxLength, Math.max(minLength, SAMPLE_STRING)), unit: 'grapheme' });
}

function integer(schema: JsonSchema): fc.Arbitrary<number> {
  const low = schema.minimum ?? (schema.exclusiveMinimum === undefined ? undefined : Math.floor(schema.exclusiveMinimum) + 1);
  const high = schema.maximum ?? (schema.exclusiveMaximum === undefined ? undefined : Math.ceil(schema.exclusiveMaximum) - 1);
  const min = bound(low, Math.min(-1e6, high ?? 0));
  return fc.integer({ min, max: bound(high, Math.max(1e6, min)) });
}

const isoDate = () => fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** An integer bound of the schema, kept where fc.integer can go. */
const bound = (value: number | undefined, fallback: number) => (value === undefined ? fallback : Math.max(Number.MIN_SAFE_INTEGER, Math.min(Number.MAX_SAFE_INTEGER, value)));

function resolve(ref: string, root: JsonSchema): JsonSchema {
  const [, bucket, name] = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref) ?? [];
  const found = bucket === undefined || name === undefined ? undefined : (bucket === '$defs' ? root.$defs : root.definitions)?.[name];
  return found ?? {};
}
