import { describe, expect, it } from 'vitest';
import { accessCode, formatAccessCode } from '@shared/plan-api/invitations';
import { accessCodeHash, newAccessCode } from './access-code';

describe('access codes', () => {
  it('are 12 characters of the unambiguous alphabet that the typed-code schema accepts however they are typed', () => {
    const codes = Array.from({ length: 200 }, newAccessCode);
    expect(new Set(codes).size).toBe(codes.length);
    for (const code of codes) {
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
      const typed = formatAccessCode(code).toLowerCase().replace(/-/g, ' ');
      expect(accessCode.parse(` ${typed} `)).toBe(code);
    }
  });

  it('are stored as a SHA-256 hex digest, the same for the code however it was typed', () => {
    const code = newAccessCode();
    expect(accessCodeHash(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(accessCodeHash(accessCode.parse(formatAccessCode(code).toLowerCase()))).toBe(accessCodeHash(code));
  });
});
