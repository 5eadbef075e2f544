import { describe, expect, it } from 'vitest';
import { changeCodes, isChangeCode, isReturnCode, returnCodes, returnReasonWords, type ReturnCode } from './ach-return-codes';

describe('ACH return codes', () => {
  it.each<[ReturnCode, boolean, 'none' | 'suspend' | 'cancel']>([
    ['R01', false, 'suspend'],
    ['R02', true, 'suspend'],
    ['R03', true, 'suspend'],
    ['R04', true, 'suspend'],
    ['R07', true, 'cancel'],
    ['R08', false, 'none'],
    ['R10', true, 'cancel'],
    ['R16', true, 'suspend'],
    ['R20', true, 'suspend'],
    ['R29', true, 'cancel'],
  ])('%s: disables the account %s, autopay %s, in plain words', (code, disables, autopay) => {
    expect(returnCodes[code]).toMatchObject({ disablesAccount: disables, autopay });
    expect(returnReasonWords(code)).toMatch(/^[A-Z].*\. [A-Z].*\.$/);
    expect(returnReasonWords(code)).not.toMatch(/R\d\d|NSF|RDFI/);
  });

  it('knows exactly the codes the plan acts on', () => {
    expect(Object.keys(returnCodes)).toEqual(['R01', 'R02', 'R03', 'R04', 'R07', 'R08', 'R10', 'R16', 'R20', 'R29']);
    expect(isReturnCode('R05')).toBe(false);
    expect(isReturnCode('toString')).toBe(false);
  });

  it.each([
    ['C01', 'account'],
    ['C02', 'routing'],
    ['C03', 'routing_and_account'],
  ] as const)('%s corrects the %s', (code, corrects) => {
    expect(changeCodes[code].corrects).toBe(corrects);
    expect(isChangeCode(code)).toBe(true);
  });

  it('refuses change codes it does not apply', () => {
    expect(isChangeCode('C05')).toBe(false);
  });
});
