import type { Migration } from './migration';

/**
 * Member counts without counting members. The roster's total and the dashboard are sums over
 * member_tallies — one row per (group, plan, tier, relationship, coverage span), a few thousand rows
 * for 250,000 members — instead of a scan of the group (30+ ms at 250k, per call).
 *
 * An open-ended span is stored as 9999-12-31 so the tally key has no NULL and the roster's WHERE
 * clause (store: `termination_date IS NULL OR termination_date >= @x`) reads both tables alike.
 * Triggers keep the tallies right for single-row writes; bulk loads drop them and rebuild
 * (store/derived-tables.ts).
 */
const sql = /* sql */ `
CREATE TABLE member_tallies (
  group_number TEXT NOT NULL,
  plan_code TEXT NOT NULL,
  tier TEXT NOT NULL,
  relationship TEXT NOT NULL,
  effective_date TEXT NOT NULL,
  termination_date TEXT NOT NULL,
  n INTEGER NOT NULL CHECK (n >= 0),
  PRIMARY KEY (group_number, plan_code, tier, relationship, effective_date, termination_date)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER member_tallies_after_insert AFTER INSERT ON members BEGIN
  INSERT INTO member_tallies (group_number, plan_code, tier, relationship, effective_date, termination_date, n)
  VALUES (new.group_number, new.plan_code, new.tier, new.relationship, new.effective_date, coalesce(new.termination_date, '9999-12-31'), 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;
CREATE TRIGGER member_tallies_after_delete AFTER DELETE ON members BEGIN
  UPDATE member_tallies SET n = n - 1
  WHERE group_number = old.group_number AND plan_code = old.plan_code AND tier = old.tier AND relationship = old.relationship
    AND effective_date = old.effective_date AND termination_date = coalesce(old.termination_date, '9999-12-31');
END;
CREATE TRIGGER member_tallies_after_update AFTER UPDATE OF group_number, plan_code, tier, relationship, effective_date, termination_date ON members BEGIN
  UPDATE member_tallies SET n = n - 1
  WHERE group_number = old.group_number AND plan_code = old.plan_code AND tier = old.tier AND relationship = old.relationship
    AND effective_date = old.effective_date AND termination_date = coalesce(old.termination_date, '9999-12-31');
  INSERT INTO member_tallies (group_number, plan_code, tier, relationship, effective_date, termination_date, n)
  VALUES (new.group_number, new.plan_code, new.tier, new.relationship, new.effective_date, coalesce(new.termination_date, '9999-12-31'), 1)
  ON CONFLICT DO UPDATE SET n = n + 1;
END;

INSERT INTO member_tallies (group_number, plan_code, tier, relationship, effective_date, termination_date, n)
  SELECT group_number, plan_code, tier, relationship, effective_date, coalesce(termination_date, '9999-12-31'), count(*)
  FROM members GROUP BY 1, 2, 3, 4, 5, 6;
`;

export const memberTallies: Migration = {
  version: 3,
  name: '0003_member_tallies',
  up: (db) => db.exec(sql),
};
