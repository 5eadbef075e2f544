import { describe, expect, it } from 'vitest';
import { hashedRoute } from '../src/api/routes/eligibility-write';

// Idempotency keys are kept for good: a retry sent after the upgrade must hash as its first request did.
describe('the route in an eligibility request hash', () => {
  it('keeps the spelling keys were recorded with before the path parameter was named groupNumber', () => {
    expect(hashedRoute('/v1/groups/:groupNumber/enrollments')).toBe('/v1/groups/:group/enrollments');
    expect(hashedRoute('/v1/groups/:groupNumber/id-card-requests')).toBe('/v1/groups/:group/id-card-requests');
  });
});
