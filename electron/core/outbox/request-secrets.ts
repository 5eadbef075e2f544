import { maskSsn } from '@shared/util/mask';

/**
 * Full SSNs never sit in an outbox payload or a draft's data in plain text (docs/architecture.md#storage): they
 * are taken out by path (`subscriber.ssn`, `dependents.1.ssn`, `changes.ssn`), the payload keeps the
 * masked form (what `transactions.get` shows), and the store cipher encrypts the map.
 */
export function splitSecrets(body: unknown, prefix = ''): { masked: unknown; secrets: Record<string, string> } {
  const secrets: Record<string, string> = {};
  const walk = (value: unknown, path: string): unknown => {
    if (Array.isArray(value)) return value.map((item, i) => walk(item, join(path, String(i))));
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      const at = join(path, key);
      if (key === 'ssn' && typeof inner === 'string' && /^\d{9}$/.test(inner)) {
        secrets[at] = inner;
        out[key] = maskSsn(inner);
      } else {
        out[key] = walk(inner, at);
      }
    }
    return out;
  };
  return { masked: walk(body, prefix), secrets };
}

/** Puts the secrets back at their paths (under `prefix`, e.g. `request.` in a draft's data). */
export function mergeSecrets<T>(masked: T, secrets: Record<string, string>, prefix = ''): T {
  const copy = structuredClone(masked) as unknown;
  for (const [path, value] of Object.entries(secrets)) {
    if (!path.startsWith(prefix)) continue;
    const keys = path.slice(prefix.length).split('.');
    const last = keys.pop();
    let at: unknown = copy;
    for (const key of keys) at = at !== null && typeof at === 'object' ? (at as Record<string, unknown>)[key] : undefined;
    if (last !== undefined && at !== null && typeof at === 'object') (at as Record<string, unknown>)[last] = value;
  }
  return copy as T;
}

const join = (path: string, key: string): string => (path === '' ? key : `${path}.${key}`);
