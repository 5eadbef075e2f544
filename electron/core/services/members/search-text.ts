/**
 * What the search box holds, read the way the roster searches it (issue "Foundation"):
 * - digits (and the dash of a dependent's ID): a member ID prefix, through the members' unique index;
 *   exactly 4 digits is also an SSN's last 4, matched exactly (full SSNs are never searchable);
 * - `NEW-` and digits: a provisional member ID prefix (an enrollment waiting for the plan);
 * - anything else: name words, each a prefix, all required, through the FTS index.
 */
export type SearchTerms =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'name'; tokens: string[]; match: string }
  | { kind: 'id'; idFrom: string; idTo: string; last4: string | null };

export function parseSearchText(text: string | undefined): SearchTerms {
  const trimmed = text?.trim() ?? '';
  if (trimmed === '') return { kind: 'all' };
  if (/^\d[\d-]*$/.test(trimmed)) {
    return { kind: 'id', idFrom: trimmed, idTo: prefixUpperBound(trimmed), last4: /^\d{4}$/.test(trimmed) ? trimmed : null };
  }
  // A member enrolled offline is `NEW-<transaction>[-NN]` until the plan numbers it (primitives.ts localMemberId).
  if (/^new-[\d-]*$/i.test(trimmed)) {
    const id = trimmed.toUpperCase();
    return { kind: 'id', idFrom: id, idTo: prefixUpperBound(id), last4: null };
  }
  const tokens = trimmed.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
  if (tokens.length === 0) return { kind: 'none' };
  // Each token is letters and digits only, so quoting it cannot break out into FTS5 query syntax.
  return { kind: 'name', tokens, match: tokens.map((token) => `"${token}"*`).join(' ') };
}

/** The smallest string above every string that starts with `prefix` (member IDs are ASCII). */
export function prefixUpperBound(prefix: string): string {
  return prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
}

/** Lowercase without diacritics, as the FTS tokenizer folds names. */
export function foldName(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
