import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { controlNumberAt, isaSegment, utcDateTime, x12Plain, x12Segment, x12Text } from './envelope';

describe('X12 envelope pieces', () => {
  it('keeps separators out of data and writes names in capitals', () => {
    expect(x12Text('Zoë*O~Brien:Jr^ ')).toBe('ZOE O BRIEN JR');
    expect(x12Text('Jørgensen-Strauß Łukasz')).toBe('JORGENSEN-STRAUSS LUKASZ');
    expect(x12Plain('a.b@Example.com')).toBe('a.b@Example.com');
  });

  it('folds plain ASCII text the quick way exactly as it folds any text', () => {
    // Every character folded, as x12Plain did before it skipped text with nothing to fold.
    const folded = (value: string) =>
      value
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .replace(/[^\x20-\x7E]|[*~:^]/g, ' ')
        .replace(/ {2,}/g, ' ')
        .trim();
    const ascii = fc.string({ unit: fc.integer({ min: 0x09, max: 0x7f }).map((code) => String.fromCharCode(code)) });
    fc.assert(fc.property(ascii, (value) => x12Plain(value) === folded(value)), { numRuns: 2000 });
    expect(x12Plain('  Main  St ')).toBe('Main St');
    expect(x12Plain('1*2~3:4^5')).toBe('1 2 3 4 5');
  });

  it('drops trailing empty elements but keeps inner ones', () => {
    expect(x12Segment('INS', 'N', '19', '030', 'XN', 'A', '', undefined, '')).toBe('INS*N*19*030*XN*A~');
    expect(x12Segment('NM1', 'IL', '1', 'DOE', 'JO', '', '', '', 'ZZ', '1')).toBe('NM1*IL*1*DOE*JO****ZZ*1~');
  });

  it('writes the ISA in 106 characters with the separators at their offsets', () => {
    const isa = isaSegment({ senderQualifier: 'ZZ', senderId: 'abc', receiverQualifier: 'ZZ', receiverId: 'PLAN', date: '2026-12-07', time: '0215', controlNumber: 42, usage: 'T' });
    expect(isa).toHaveLength(106);
    expect([isa[3], isa[82], isa[104], isa[105]]).toEqual(['*', '^', ':', '~']);
    expect(isa.slice(0, 106)).toContain('*261207*0215*^*00501*000000042*0*T*:~');
  });

  it('derives the control number and UTC stamp from the instant alone', () => {
    expect(controlNumberAt('2026-12-07T02:15:30.400Z')).toBe(controlNumberAt('2026-12-07T02:15:30.000Z'));
    expect(controlNumberAt('2026-12-07T02:15:31Z')).toBe(controlNumberAt('2026-12-07T02:15:30Z') + 1);
    expect(controlNumberAt('2026-12-07T02:15:30Z')).toBeGreaterThan(0);
    expect(controlNumberAt('2026-12-07T02:15:30Z')).toBeLessThan(1_000_000_000);
    expect(utcDateTime('2026-12-07T23:59:59-05:00')).toEqual({ date: '2026-12-08', time: '0459' });
    expect(() => controlNumberAt('yesterday')).toThrow(RangeError);
  });
});
