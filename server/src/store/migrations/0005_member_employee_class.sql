-- The subscriber's eligibility class as the plan contract names it (Salaried, Hourly, Union Local 12),
-- asked by the enrollment wizard and carried on the 834. Null for dependents and for members enrolled
-- before the question existed.
ALTER TABLE members ADD COLUMN employee_class text;
