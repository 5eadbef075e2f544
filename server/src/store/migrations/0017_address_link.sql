-- "Same as the employee" is a link, not a copy: a dependent who has it moves whenever the employee
-- does, until they are given an address of their own. Until now a dependent entered without an
-- address got a copy of the employee's, so dependents whose address is still exactly the employee's
-- are taken to live with them.
ALTER TABLE members ADD COLUMN same_address_as_subscriber boolean NOT NULL DEFAULT false;

UPDATE members d
SET same_address_as_subscriber = true
FROM members s
WHERE s.member_id = d.subscriber_id
  AND d.relationship <> 'subscriber'
  AND d.address->>'line1' = s.address->>'line1'
  AND coalesce(d.address->>'line2', '') = coalesce(s.address->>'line2', '')
  AND d.address->>'city' = s.address->>'city'
  AND d.address->>'state' = s.address->>'state'
  AND d.address->>'zip' = s.address->>'zip';
