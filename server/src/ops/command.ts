import type { Db } from '../store/db';
import type { Mailer } from '../mail/mailer';
import type { SsnCipher } from '../services/eligibility/ssn-crypto';
import type { ServiceConfig } from '../config';

/** What an operator command gets: the database and mail of the configured service, no HTTP. */
export interface OpsContext {
  db: Db;
  mailer: Mailer;
  ssnCipher: SsnCipher;
  config: ServiceConfig;
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
}

/** A wrong invocation: the runner prints the message and the command's usage, and exits 2. */
export class UsageError extends Error {}
