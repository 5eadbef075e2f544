const ones = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const scales = ['', 'thousand', 'million', 'billion', 'trillion'];

function underThousand(n: number): string {
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  const parts: string[] = [];
  if (hundreds > 0) parts.push(`${ones[hundreds]} hundred`);
  if (rest > 0 && rest < 20) parts.push(ones[rest] ?? '');
  else if (rest >= 20) parts.push(rest % 10 === 0 ? (tens[rest / 10] ?? '') : `${tens[Math.floor(rest / 10)]}-${ones[rest % 10]}`);
  return parts.join(' ');
}

function wholeWords(n: number): string {
  if (n === 0) return 'zero';
  const groups: string[] = [];
  for (let scale = 0; n > 0; scale += 1, n = Math.floor(n / 1000)) {
    const group = n % 1000;
    if (group > 0) groups.unshift(scales[scale] ? `${underThousand(group)} ${scales[scale]}` : underThousand(group));
  }
  return groups.join(' ');
}

/**
 * An amount as a check writes it, `Four thousand one hundred twenty-five and 50/100 dollars`: the
 * review step of a payment shows it beside the figures, so a slipped digit is caught before a debit.
 */
export function amountInWords(cents: number): string {
  if (!Number.isSafeInteger(cents) || cents < 0) throw new RangeError('An amount in words is a non-negative whole number of cents');
  const dollars = Math.floor(cents / 100);
  const words = wholeWords(dollars);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)} and ${String(cents % 100).padStart(2, '0')}/100 dollars`;
}
