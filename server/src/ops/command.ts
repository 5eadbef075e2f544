import type { Db } from '../store/db';
import type { Mailer } from '../mail/mailer';
import type { SsnCipher } from '../services/eligibility/ssn-crypto';
import type { BillingPlan } from '../services/billing/billing-plan';
import type { BankAccountCipher } from '../services/payments/bank-account-cipher';
import type { AchSettings } from '../services/ach/ach-settings';

/**
 * What an operator command gets: the database and mail of the configured service, opened by the CLI
 * itself or, while the service holds its data folder, the running service's own.
 */
export interface OpsContext {
  db: Db;
  mailer: Mailer;
  /** The plan as invoices and their e-mails name it. */
  billingPlan: BillingPlan;
  /** The plan to the banks (ACH file origin) and as payee of its 820 remittances. */
  ach: AchSettings;
  ssnCipher: SsnCipher;
  /** Decrypts bank account numbers for the ACH file, and encrypts a bank's corrections. */
  bankCipher: BankAccountCipher;
  now: () => Date;
  /** `ops:<login name>`: who the audit log says did it. */
  operator: string;
  out: (line: string) => void;
}

export interface OpsCommand {
  name: string;
  summary: string;
  /** Shown by `ops <name> --help`. */
  usage: string;
  run(args: string[], context: OpsContext): Promise<void>;
  /** For commands that read or write files: the arguments with those paths made absolute, before a running service carries the command out. */
  absolutePaths?(args: string[], cwd: string): string[];
}

/** A wrong invocation: the runner prints the message and the command's usage, and exits 2. */
export class UsageError extends Error {}
