-- Groups set up before enrollment periods were policy values get the plan's defaults: 30 days to
-- enroll after the waiting period, a calendar plan year, open enrollment in November. Values a
-- group already has win.
UPDATE groups
SET policy = '{"initialEnrollmentDays": 30, "planYearStart": "01-01", "openEnrollmentStart": "11-01", "openEnrollmentEnd": "11-30"}'::jsonb || policy;
