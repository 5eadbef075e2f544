import { describe, expect, it } from 'vitest';
import { ssnProblem, ssnProblemMessage } from './ssn-validity';

describe('ssnProblem', () => {
  it.each([
    ['001010001', null], // the lowest number ever issued
    ['665999999', null],
    ['667010001', null],
    ['899991234', null],
    ['412345678', null],
    ['123456788', null], // next to the placeholder, but a possible number
    ['000123456', 'area-000'],
    ['666123456', 'area-666'],
    ['900123456', 'area-9xx'],
    ['987654320', 'area-9xx'], // the range reserved for advertising
    ['999999999', 'area-9xx'],
    ['412001234', 'group-00'],
    ['412340000', 'serial-0000'],
    ['078051120', 'sample'],
    ['219099999', 'sample'],
    ['123456789', 'sample'],
    ['12345678', 'format'],
    ['123-45-6789', 'format'], // callers pass digits only
    ['', 'format'],
  ])('%s → %s', (digits, problem) => {
    expect(ssnProblem(digits)).toBe(problem);
  });
});

describe('ssnProblemMessage', () => {
  it.each([
    ['412345678', null],
    ['000123456', 'No SSN starts with 000: check the number on the card'],
    ['666123456', 'No SSN starts with 666: check the number on the card'],
    ['912345678', 'No SSN starts with 9 (numbers from 900 are taxpayer IDs, not SSNs): check the number on the card'],
    ['412001234', 'No SSN has 00 as its middle two digits: check the number on the card'],
    ['412340000', 'No SSN ends in 0000: check the number on the card'],
    ['123456789', "123-45-6789 is a sample number printed on forms and ads, not anyone's SSN: enter the number on the card"],
  ])('%s → %j', (digits, message) => {
    expect(ssnProblemMessage(digits)).toBe(message);
  });
});
