// The one migration history, for PGlite and PostgreSQL alike. Append a line per new file, in order;
// the SQL is bundled as text (esbuild `.sql` text loader; the Vitest `sql-text` plugin in tests), so
// the service needs no files beside its bundle.
import accounts from './0001_accounts.sql';
import eligibility from './0002_eligibility.sql';
import memberSsnFingerprint from './0003_member_ssn_fingerprint.sql';
import accountPruning from './0004_account_pruning.sql';
import memberEmployeeClass from './0005_member_employee_class.sql';
import invitations from './0006_invitations.sql';
import invoices from './0007_invoices.sql';
import billPayProofAndTerms from './0008_bill_pay_proof_and_terms.sql';
import billingCycle from './0009_billing_cycle.sql';
import billingPreferences from './0010_billing_preferences.sql';
import invoiceDisputes from './0011_invoice_disputes.sql';
import memberChangesIndex from './0012_member_changes_index.sql';
import bulkAppendChecks from './0013_bulk_append_checks.sql';
import payments from './0014_payments.sql';
import achFiles from './0015_ach_files.sql';
import enrollmentPeriods from './0016_enrollment_periods.sql';
import addressLink from './0017_address_link.sql';
import exceptionRequests from './0018_exception_requests.sql';
import planCostSharing from './0019_plan_cost_sharing.sql';
import twoFactor from './0020_two_factor.sql';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const files: Record<string, string> = {
  '0001_accounts': accounts,
  '0002_eligibility': eligibility,
  '0003_member_ssn_fingerprint': memberSsnFingerprint,
  '0004_account_pruning': accountPruning,
  '0005_member_employee_class': memberEmployeeClass,
  '0006_invitations': invitations,
  '0007_invoices': invoices,
  '0008_bill_pay_proof_and_terms': billPayProofAndTerms,
  '0009_billing_cycle': billingCycle,
  '0010_billing_preferences': billingPreferences,
  '0011_invoice_disputes': invoiceDisputes,
  '0012_member_changes_index': memberChangesIndex,
  '0013_bulk_append_checks': bulkAppendChecks,
  '0014_payments': payments,
  '0015_ach_files': achFiles,
  '0016_enrollment_periods': enrollmentPeriods,
  '0017_address_link': addressLink,
  '0018_exception_requests': exceptionRequests,
  '0019_plan_cost_sharing': planCostSharing,
  '0020_two_factor': twoFactor,
};

export const migrations: readonly Migration[] = Object.entries(files).map(([name, sql], index) => {
  const version = Number(name.slice(0, 4));
  if (version !== index + 1) throw new Error(`Migration ${name} is out of order: expected number ${index + 1}`);
  return { version, name, sql };
});
