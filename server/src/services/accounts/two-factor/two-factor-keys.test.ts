import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { twoFactorKeys } from './two-factor-keys';

describe('two-step sign-in keys', () => {
  const keys = twoFactorKeys(randomBytes(32));

  it('seals a secret so that it opens in its own user’s row only', () => {
    const sealed = keys.sealSecret('JBSWY3DPEHPK3PXP', 'pat.example');
    expect(keys.openSecret(sealed, 'pat.example')).toBe('JBSWY3DPEHPK3PXP');
    expect(() => keys.openSecret(sealed, 'sam.example')).toThrow();
    expect(Buffer.from(sealed).toString('latin1')).not.toContain('JBSWY3DPEHPK3PXP');
  });

  it('signs so that a changed text or signature, or another service key, fails', () => {
    const signature = keys.sign('v1.abc.123|pat.example');
    expect(keys.verify('v1.abc.123|pat.example', signature)).toBe(true);
    expect(keys.verify('v1.abc.124|pat.example', signature)).toBe(false);
    expect(keys.verify('v1.abc.123|pat.example', signature.replace(/^./, (c) => (c === 'A' ? 'B' : 'A')))).toBe(false);
    expect(twoFactorKeys(randomBytes(32)).verify('v1.abc.123|pat.example', signature)).toBe(false);
  });
});
