import { describe, expect, it } from 'vitest';
import { routingProblem } from './aba-routing';

describe('routingProblem', () => {
  it.each([
    ['011000015', null], // Federal Reserve Bank of Boston
    ['021000021', null], // JPMorgan Chase, New York
    ['026009593', null], // Bank of America, New York
    ['121000248', null], // Wells Fargo, San Francisco
    ['322271627', null], // Chase, California (a thrift-range prefix)
    ['211070175', null], // a 21–32 prefix
    ['123456780', null],
    ['123456789', 'checksum'],
    ['021000022', 'checksum'],
    ['000000000', 'prefix'], // US government prefix
    ['131000002', 'prefix'], // 13 is no district
    ['991000000', 'prefix'],
    ['02100002', 'format'],
    ['02100002a', 'format'],
    ['', 'format'],
  ])('%s → %s', (routing, problem) => {
    expect(routingProblem(routing)).toBe(problem);
  });
});
