/**
 * An ABA routing transit number: nine digits whose first two name a Federal Reserve district (01–12),
 * a thrift (21–32), an electronic-only institution (61–72) or traveler's checks (80) — 00, the US
 * government's, does not take employer debits — and whose weighted digit sum 3·7·1 repeating is a
 * multiple of ten. A number that passes may still name no bank; the prenote or micro-deposits prove it.
 */
export type RoutingProblem = 'format' | 'prefix' | 'checksum';

const WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7, 1] as const;

export function routingProblem(routing: string): RoutingProblem | null {
  if (!/^\d{9}$/.test(routing)) return 'format';
  const prefix = Number(routing.slice(0, 2));
  const known = (prefix >= 1 && prefix <= 12) || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80;
  if (!known) return 'prefix';
  const sum = [...routing].reduce((total, digit, i) => total + Number(digit) * (WEIGHTS[i] ?? 0), 0);
  return sum % 10 === 0 ? null : 'checksum';
}

export const routingProblemMessages: Record<RoutingProblem, string> = {
  format: 'A routing number is 9 digits',
  prefix: 'This is not a US bank routing number: check the first two digits on your check',
  checksum: 'This routing number has a typo: check the 9 digits at the bottom left of your check',
};
