/**
 * Social Security numbers the Social Security Administration never issues, so one typed in is a typo
 * or a made-up number: area (first three digits) 000, 666 or 900–999 (the 9xx range holds taxpayer
 * IDs, not SSNs), group (middle two) 00, serial (last four) 0000 — and the sample numbers printed in
 * advertising and forms, which real people copied onto their own records for decades.
 */
export type SsnProblem = 'format' | 'area-000' | 'area-666' | 'area-9xx' | 'group-00' | 'serial-0000' | 'sample';

/** Sample numbers: a 1938 wallet insert, a 1940 Social Security Board pamphlet, the form placeholder. */
const sampleNumbers: ReadonlySet<string> = new Set(['078051120', '219099999', '123456789']);

/** `digits` is the SSN without dashes or spaces. */
export function ssnProblem(digits: string): SsnProblem | null {
  if (!/^\d{9}$/.test(digits)) return 'format';
  const area = digits.slice(0, 3);
  if (area === '000') return 'area-000';
  if (area === '666') return 'area-666';
  if (area.startsWith('9')) return 'area-9xx';
  if (digits.slice(3, 5) === '00') return 'group-00';
  if (digits.slice(5) === '0000') return 'serial-0000';
  if (sampleNumbers.has(digits)) return 'sample';
  return null;
}

const dashed = (digits: string) => `${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5)}`;

/** What is wrong with the number, in words that send the administrator back to the card; null when nothing is. */
export function ssnProblemMessage(digits: string): string | null {
  const problem = ssnProblem(digits);
  switch (problem) {
    case null:
      return null;
    case 'format':
      return 'An SSN is 9 digits';
    case 'area-000':
      return 'No SSN starts with 000: check the number on the card';
    case 'area-666':
      return 'No SSN starts with 666: check the number on the card';
    case 'area-9xx':
      return 'No SSN starts with 9 (numbers from 900 are taxpayer IDs, not SSNs): check the number on the card';
    case 'group-00':
      return 'No SSN has 00 as its middle two digits: check the number on the card';
    case 'serial-0000':
      return 'No SSN ends in 0000: check the number on the card';
    case 'sample':
      return `${dashed(digits)} is a sample number printed on forms and ads, not anyone's SSN: enter the number on the card`;
  }
}
