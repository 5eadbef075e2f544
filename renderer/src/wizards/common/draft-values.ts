/**
 * Splits form values into what a draft keeps in `data` and the full SSNs it keeps in `secrets`
 * (encrypted at rest by the core), and joins them back when a draft is resumed.
 */

type Tree = Record<string, unknown>;

const isTree = (v: unknown): v is Tree => typeof v === 'object' && v !== null;

function readPath(tree: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (isTree(node) ? node[key] : undefined), tree);
}

function writePath(tree: Tree, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Tree = tree;
  keys.slice(0, -1).forEach((key, i) => {
    if (!isTree(node[key])) node[key] = /^\d+$/.test(keys[i + 1] ?? '') ? [] : {};
    node = node[key] as Tree;
  });
  node[keys[keys.length - 1] as string] = value;
}

/** `secretPaths` are the dot paths of the sensitive fields in these values (`subscriber.ssn`, `dependents.0.ssn`). */
export function splitSecrets(values: unknown, secretPaths: readonly string[]): { data: Record<string, unknown>; secrets: Record<string, string> } {
  const data = structuredClone(isTree(values) ? values : {}) as Record<string, unknown>;
  const secrets: Record<string, string> = {};
  for (const path of secretPaths) {
    const value = readPath(data, path);
    if (typeof value === 'string' && value !== '') secrets[path] = value;
    if (value !== undefined) writePath(data, path, '');
  }
  return { data, secrets };
}

/** The draft's values over the form's defaults, with its secrets put back in place. */
export function joinSecrets<T>(defaults: T, data: Record<string, unknown>, secrets: Record<string, string>): T {
  const merged = mergeDeep(structuredClone(defaults) as unknown, data) as Tree;
  for (const [path, value] of Object.entries(secrets)) writePath(merged, path, value);
  return merged as T;
}

/** Arrays are taken whole from the draft (a family of two stays two); objects merge key by key. */
function mergeDeep(base: unknown, over: unknown): unknown {
  if (Array.isArray(over)) return structuredClone(over);
  if (!isTree(base) || Array.isArray(base) || !isTree(over)) return over === undefined ? base : over;
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = mergeDeep(base[key], value);
  return out;
}
