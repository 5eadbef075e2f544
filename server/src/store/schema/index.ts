// Every table of the plan service, one file per area; Drizzle's relational queries see this object.
export * from './accounts';
export * from './eligibility';
export * from './billing';
export * from './payments';
export * from './ach-files';
export * from './exceptions';
export * from './two-factor';
