import { describe, expect, it } from 'vitest';
import { parseMembersArg, scaleFigures } from './bench-size';

describe('--members', () => {
  it('takes a positive whole number of members', () => {
    expect(parseMembersArg('1000000')).toEqual({ ok: true, members: 1_000_000 });
    expect(parseMembersArg(undefined)).toEqual({ ok: true, members: undefined });
  });

  it.each(['0', '-5', '1e6', '1,000,000', '2.5', 'many', '', '007', '99999999999999999999'])('refuses %j with a message naming the flag', (text) => {
    const parsed = parseMembersArg(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain('--members');
  });
});

describe('the scale check', () => {
  const base = { members: 250_001, n: 3, median_ms: 1000 };

  it('holds a million members to four times the 250,000-member median', () => {
    expect(scaleFigures(1_000_000, base, { median_ms: 4000 })).toEqual({ scale_base_members: 250_001, scale_base_median_ms: 1000, scale_base_n: 3, scale_ratio: 4, scale_limit: 4, scale_met: true });
    expect(scaleFigures(1_000_000, base, { median_ms: 4100 })).toMatchObject({ scale_ratio: 4.1, scale_met: false });
  });

  it('gives the ratio of processor times beside the wall ratio, without judging by it', () => {
    expect(scaleFigures(1_000_000, { ...base, cpu_ms: 500 }, { median_ms: 5000, cpu_ms: 1500 })).toMatchObject({ scale_ratio: 5, scale_base_cpu_ms: 500, scale_cpu_ratio: 3, scale_met: false });
  });

  it('scales the limit with the members asked for', () => {
    expect(scaleFigures(500_000, base, { median_ms: 2100 })).toMatchObject({ scale_limit: 2, scale_ratio: 2.1, scale_met: false });
  });

  it('says a failed or figureless base run cannot be compared with, and does not pass', () => {
    expect(scaleFigures(1_000_000, new Error('out of memory'), { median_ms: 10 })).toEqual({ scale_base_error: 'out of memory', scale_limit: 4, scale_met: false });
    expect(scaleFigures(1_000_000, { members: 250_001, skipped: 'no build' }, { median_ms: 10 })).toMatchObject({ scale_base_error: 'no median to compare', scale_met: false });
  });
});
