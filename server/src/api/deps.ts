import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db, Backend } from '../store/db';
import type { Mailer } from '../mail/mailer';
import type { SsnCipher } from '../services/eligibility/ssn-crypto';
import type { AchSettings } from '../services/ach/ach-settings';
import type { BillingPlan } from '../services/billing/billing-plan';
import type { BankAccountCipher } from '../services/payments/bank-account-cipher';
import type { TwoFactorDeps } from '../services/accounts/two-factor/enrollment';

/** Requests per window per client IP; sign-in and code entry get their own, much smaller, budgets. */
export interface RateLimits {
  windowMs: number;
  global: number;
  /** Sign-in, e-mail verification, resend and access-code entry: what guessing attacks hit. */
  credentials: number;
}

/** Proxies close idle connections after about a minute; a comment line this often keeps a stream open. */
export const defaultStreamHeartbeatMs = 15_000;

export const defaultRateLimits: RateLimits = { windowMs: 60_000, global: 1200, credentials: 30 };

/** What every route plugin receives: the running service's parts, never globals. */
export interface ServiceDeps {
  db: Db;
  backend: Backend;
  /** The service clock; tests inject one to move time. */
  now: () => Date;
  mailer: Mailer;
  /** Where links in e-mails point, e.g. `https://plan.example.com` (known only once listening on port 0). */
  publicUrl: () => string;
  ssnCipher: SsnCipher;
  /** Bank account numbers' own key, derived from the service key. */
  bankCipher: BankAccountCipher;
  /** Two-step sign-in: the policy (TWO_FACTOR) and the keys derived from the service key. */
  twoFactor: TwoFactorDeps;
  /** The plan as invoices name it, and its billing team. */
  billingPlan: BillingPlan;
  /** The plan's ACH origin and X12 identity (its 820s and the 834s groups download). */
  ach: AchSettings;
  limits: RateLimits;
  /** How often an open event stream sends its keep-alive and checks its session's expiry. */
  streamHeartbeatMs: number;
}

/** A route plugin, registered under /v1 from routes/index.ts. */
export type RoutePlugin = FastifyPluginAsyncZod<ServiceDeps>;
