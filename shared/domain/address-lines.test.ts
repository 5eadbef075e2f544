import { describe, expect, it } from 'vitest';
import { addressLine, sameAddress } from './address-lines';

const oak = { line1: '12 Oak St', city: 'Dayton', state: 'OH', zip: '45402' } as const;

describe('addresses', () => {
  it('reads on one line, without an empty second line', () => {
    expect(addressLine(oak)).toBe('12 Oak St, Dayton, OH 45402');
    expect(addressLine({ ...oak, line2: 'Apt 4' })).toBe('12 Oak St, Apt 4, Dayton, OH 45402');
    expect(addressLine({ ...oak, line2: ' ' })).toBe('12 Oak St, Dayton, OH 45402');
  });

  it('is the same place whatever the case or spacing', () => {
    expect(sameAddress(oak, { line1: '12  OAK st ', city: 'dayton', state: 'OH', zip: '45402', line2: '' })).toBe(true);
    expect(sameAddress(oak, { ...oak, line2: 'Apt 4' })).toBe(false);
    expect(sameAddress(oak, { ...oak, zip: '45403' })).toBe(false);
  });
});
