import { describe, expect, it } from 'vitest';
import { zipStateMessage, zipStateProblem } from './zip-state';

describe('zipStateProblem', () => {
  it.each([
    ['15222', 'PA', null],
    ['43215', 'OH', null],
    ['94607', 'CA', null],
    ['75001-1234', 'TX', null], // ZIP+4
    ['20500', 'DC', null],
    ['00901', 'PR', null],
    ['96910', 'GU', null],
    ['00801', 'VI', null],
    ['09001', 'AE', null], // APO/FPO Europe
    ['34001', 'AA', null],
    ['96201', 'AP', null],
    ['75001', 'PA', { kind: 'other-state', zipState: 'TX' }],
    ['09001', 'NY', { kind: 'other-state', zipState: 'AE' }],
    ['00100', 'NY', { kind: 'unassigned' }],
  ])('%s in %s → %j', (zip, state, problem) => {
    expect(zipStateProblem(zip, state)).toEqual(problem);
  });
});

describe('zipStateMessage', () => {
  it.each([
    ['15222', 'PA', null],
    ['75001', 'PA', '75001 is a Texas ZIP code, not Pennsylvania\'s'],
    ['43215', 'IA', '43215 is an Ohio ZIP code, not Iowa\'s'],
    ['02108', 'TX', '02108 is a Massachusetts ZIP code, not Texas\''],
    ['84101', 'ID', '84101 is a Utah ZIP code, not Idaho\'s'],
    ['75001-1234', 'OK', '75001 is a Texas ZIP code, not Oklahoma\'s'],
    ['00100', 'NY', 'No ZIP code starts with 001: check the ZIP code'],
  ])('%s in %s → %j', (zip, state, message) => {
    expect(zipStateMessage(zip, state)).toBe(message);
  });
});
