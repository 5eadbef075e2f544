import { describe, expect, it } from 'vitest';
import { maskSsn, ssnLast4 } from './mask';

describe('maskSsn / ssnLast4', () => {
  it.each([
    ['412-55-6789', '6789'],
    ['412556789', '6789'],
    ['123 45 6789', '6789'],
    ['6789', '6789'],
    ['501-02-0001', '0001'],
  ])('%s → ***-**-%s', (input, last4) => {
    expect(ssnLast4(input)).toBe(last4);
    expect(maskSsn(input)).toBe(`***-**-${last4}`);
  });
  it.each([['12345678'], ['1234567890'], ['123'], ['abcd'], ['']])('refuses %j without echoing it', (bad) => {
    expect(() => maskSsn(bad)).toThrow('Expected a 9-digit SSN or its last 4 digits');
  });
});
