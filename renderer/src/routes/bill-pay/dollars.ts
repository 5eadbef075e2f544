/**
 * An amount as people copy it from an invoice — `$1,234.56`, `1234.5`, `1 234.56` — in integer
 * cents (money is integer cents everywhere); null when it is not an amount of dollars and cents.
 */
export function parseDollars(typed: string): number | null {
  const text = typed.trim().replace(/^\$\s*/, '').replace(/[ ,](?=\d{3}(\D|$))/g, '');
  const match = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) return null;
  const [, dollars = '0', fraction = ''] = match;
  return Number(dollars) * 100 + Number(fraction.padEnd(2, '0'));
}
