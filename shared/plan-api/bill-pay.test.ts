import { describe, expect, it } from 'vitest';
import { billPaySignUpRequest, invoiceNumber, normalizeInvoiceNumber } from './bill-pay';

const looksLike = 'An invoice number looks like INV-1001-202611-7KQ4M2 (it is printed at the top of the invoice)';
const messageOf = (typed: string) => {
  const result = invoiceNumber.safeParse(typed);
  return result.success ? null : result.error.issues[0]?.message;
};

describe('invoice numbers as typed', () => {
  it('are INV-<group>-<YYYYMM>-<code>, the code six letters of the access codes’ alphabet', () => {
    expect(invoiceNumber.parse('INV-1001-202611-7KQ4M2')).toBe('INV-1001-202611-7KQ4M2');
    expect(invoiceNumber.parse('INV-1234567890-202611-ZZZZZZ')).toBe('INV-1234567890-202611-ZZZZZZ');
    // The old form, worked out from the group number alone, is not one.
    for (const typed of ['INV-1001-202611', 'INV-1001-202611-', 'INV-1001-202611-7KQ4M', 'INV-1001-202611-7KQ4M22', 'INV-1001-202611-7KQ4MU', '1001-202611-7KQ4M2', 'INV-100-202611-7KQ4M2']) {
      expect(messageOf(typed), typed).toBe(looksLike);
    }
  });

  it('forgive case, surrounding spaces, and O, I and L for 0, 1 and 1 in the code', () => {
    expect(invoiceNumber.parse('  inv-1001-202611-7kq4m2 ')).toBe('INV-1001-202611-7KQ4M2');
    expect(normalizeInvoiceNumber('inv-1001-202611-o1il0L')).toBe('INV-1001-202611-011101');
    // Only the code: the readable part is digits, so an O there is a typing error to show.
    expect(messageOf('INV-1OO1-202611-7KQ4M2')).toBe(looksLike);
  });

  it('are normalized in the sign-up request the plan receives', () => {
    const request = billPaySignUpRequest.parse({ groupNumber: '1001', invoiceNumber: 'inv-1001-202611-7kq4mo', amountCents: 4_182_250, termsVersion: '2026-12', acceptTerms: true });
    expect(request.invoiceNumber).toBe('INV-1001-202611-7KQ4M0');
  });
});

describe('the sign-up proof', () => {
  const proof = { groupNumber: '1001', invoiceNumber: 'INV-1001-202611-7KQ4M2', amountCents: 4_182_250, termsVersion: '2026-12', acceptTerms: true };
  const issues = (value: object) => {
    const result = billPaySignUpRequest.safeParse(value);
    return result.success ? [] : result.error.issues.map((i) => [i.path.join('.'), i.message]);
  };

  it('needs the invoice number and the amount billed together', () => {
    expect(issues(proof)).toEqual([]);
    const { invoiceNumber: _number, ...amountOnly } = proof;
    const { amountCents: _amount, ...numberOnly } = proof;
    expect(issues(amountOnly)).toEqual([['invoiceNumber', 'Enter the invoice number printed at the top of the latest invoice']]);
    expect(issues(numberOnly)).toEqual([['amountCents', expect.any(String)]]);
    expect(issues({ ...proof, amountCents: 0 })).toEqual([['amountCents', 'Enter the amount billed on the latest invoice']]);
  });
});
