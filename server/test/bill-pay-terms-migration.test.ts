import { describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { migrations } from '../src/store/migrations';

describe('0008_bill_pay_proof_and_terms', () => {
  it('keeps the terms each earlier sign-up accepted, as its user’s latest for the group, and takes sign-ups proven with both details', async () => {
    const pg = new PGlite();
    try {
      const upTo = migrations.findIndex((m) => m.name === '0008_bill_pay_proof_and_terms');
      for (const migration of migrations.slice(0, upTo)) await pg.exec(migration.sql);
      await pg.exec(`
        INSERT INTO users (user_id, password_hash, name, email, password_changed_at, created_at) VALUES ('pat.payer', 'x', 'Pat Payer', 'pat@example.com', now(), now());
        INSERT INTO groups (group_number, name, address, region, policy, created_at) VALUES ('1001', 'Acme', '{}', 'Midwest', '{}', now());
        INSERT INTO bill_pay_sign_ups (user_id, group_number, terms_version, accepted_at, proof) VALUES
          ('pat.payer', '1001', '2025-11', '2025-11-03T10:00:00Z', 'amount'),
          ('pat.payer', '1001', '2026-01', '2026-02-03T10:00:00Z', 'invoice_number');`);
      await pg.exec(migrations[upTo]?.sql ?? '');

      const kept = await pg.query('SELECT user_id, group_number, terms_version, accepted_at FROM bill_pay_terms_acceptances');
      expect(kept.rows).toEqual([{ user_id: 'pat.payer', group_number: '1001', terms_version: '2026-01', accepted_at: new Date('2026-02-03T10:00:00Z') }]);
      await pg.exec(`INSERT INTO bill_pay_sign_ups (user_id, group_number, terms_version, accepted_at, proof) VALUES ('pat.payer', '1001', '2026-12', now(), 'invoice_number_and_amount')`);
      await expect(pg.exec(`INSERT INTO bill_pay_sign_ups (user_id, group_number, terms_version, accepted_at, proof) VALUES ('pat.payer', '1001', '2026-12', now(), 'guess')`)).rejects.toThrow(/bill_pay_sign_ups_proof_check/);
      await expect(pg.exec(`INSERT INTO bill_pay_terms_acceptances (user_id, group_number, terms_version, accepted_at) VALUES ('pat.payer', '1001', '2026-12', now())`)).rejects.toThrow(/duplicate key/);
    } finally {
      await pg.close();
    }
  });
});
