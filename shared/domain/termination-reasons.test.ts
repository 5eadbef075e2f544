import { describe, expect, it } from 'vitest';
import { endReasonInWords, terminationReasons } from './termination-reasons';

describe('endReasonInWords', () => {
  it.each([
    ['Retirement (INS04 04)', 'Retirement'],
    ["Divorce (INS04 01), employee's coverage ended", "Divorce, employee's coverage ended"],
    ['Tier change', 'Tier change'],
    ['  Death (INS04 03) ', 'Death'],
  ])('%s → %s', (recorded, words) => {
    expect(endReasonInWords(recorded)).toBe(words);
  });

  it('gives back every reason’s label from the way the plan records it', () => {
    for (const r of terminationReasons) expect(endReasonInWords(`${r.label} (INS04 ${r.ins04})`)).toBe(r.label);
  });
});
