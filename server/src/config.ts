import path from 'node:path';
import { z } from 'zod';
import { trustedProxiesSchema } from './trusted-proxies';
import { isLoopbackHost } from './mail/smtp-transport';
import { achSettingsSchema, sandboxAchSettings, type AchSettings } from './services/ach/ach-settings';
import { billingPlanSchema, sandboxAccountSetupPhone, sandboxBillingPlan, type BillingPlan } from './services/billing/billing-plan';

const optionalText = z
  .string()
  .trim()
  .transform((s) => (s === '' ? undefined : s))
  .optional();

const origin = achSettingsSchema.shape.origin.shape;
const remittance = achSettingsSchema.shape.remittance.shape;
const payee = remittance.payee.shape;

/** The plan service's settings, from the environment (`npm run server`; the README's Commands). */
const environment = z.object({
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int('PORT must be a whole number').min(0).max(65535, 'PORT must be 0–65535').default(8740),
  DATA_DIR: optionalText,
  DATABASE_URL: optionalText.pipe(z.string().regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://').optional()),
  SMTP_URL: optionalText.pipe(z.string().regex(/^smtps?:\/\//, 'SMTP_URL must start with smtp:// or smtps://').optional()),
  MAIL_DIR: optionalText,
  PUBLIC_URL: optionalText.pipe(z.url('PUBLIC_URL must be a URL such as https://plan.example.com').optional()),
  SSN_KEY: optionalText,
  /** A file holding the key, for key stores that mount secrets as files; never inside DATA_DIR in production. */
  SSN_KEY_FILE: optionalText,
  NODE_ENV: optionalText,
  /** Behind a reverse proxy: the proxies' addresses, so limits and lockouts see clients' addresses. */
  TRUST_PROXY: optionalText.pipe(trustedProxiesSchema.optional()),
  LOG: z.enum(['on', 'off']).default('on'),
  /** The plan as its invoices and their e-mails name it, and who a group calls about one. */
  PLAN_NAME: optionalText.pipe(billingPlanSchema.shape.name.default(sandboxBillingPlan.name)),
  BILLING_TEAM_NAME: optionalText.pipe(billingPlanSchema.shape.serviceTeam.shape.name.default(sandboxBillingPlan.serviceTeam.name)),
  BILLING_TEAM_PHONE: optionalText.pipe(billingPlanSchema.shape.serviceTeam.shape.phone.default(sandboxBillingPlan.serviceTeam.phone)),
  /** Who a member calls, printed on their ID card. */
  MEMBER_SERVICES_PHONE: optionalText.pipe(billingPlanSchema.shape.memberServicesPhone.default(sandboxBillingPlan.memberServicesPhone)),
  /** Who a group's administrators call about signing up and getting access, shown in GroupDesk's Help. */
  ACCOUNT_SETUP_PHONE: optionalText.pipe(billingPlanSchema.shape.accountSetupPhone.unwrap().default(sandboxAccountSetupPhone)),
  /** The ACH file's origin: the plan's bank (ODFI) and how the plan names itself to banks. */
  ACH_ODFI_ROUTING: optionalText.pipe(origin.odfiRouting.default(sandboxAchSettings.origin.odfiRouting)),
  ACH_DESTINATION_NAME: optionalText.pipe(origin.destinationName.default(sandboxAchSettings.origin.destinationName)),
  ACH_ORIGIN_NAME: optionalText.pipe(origin.originName.default(sandboxAchSettings.origin.originName)),
  ACH_COMPANY_NAME: optionalText.pipe(origin.companyName.default(sandboxAchSettings.origin.companyName)),
  ACH_COMPANY_ID: optionalText.pipe(origin.companyId.default(sandboxAchSettings.origin.companyId)),
  /** The X12 820 remittances: interchange ids, usage, and the plan as payee with the account it is paid into. */
  X12_SENDER_ID: optionalText.pipe(remittance.senderId.default(sandboxAchSettings.remittance.senderId)),
  X12_RECEIVER_ID: optionalText.pipe(remittance.receiverId.default(sandboxAchSettings.remittance.receiverId)),
  X12_USAGE: optionalText.pipe(remittance.usage.default(sandboxAchSettings.remittance.usage)),
  PAYEE_NAME: optionalText.pipe(payee.name.default(sandboxAchSettings.remittance.payee.name)),
  PAYEE_TAX_ID: optionalText.pipe(payee.taxId.default(sandboxAchSettings.remittance.payee.taxId)),
  PAYEE_ROUTING: optionalText.pipe(payee.bankRouting.default(sandboxAchSettings.remittance.payee.bankRouting)),
  PAYEE_ACCOUNT: optionalText.pipe(payee.accountNumber.default(sandboxAchSettings.remittance.payee.accountNumber)),
  PAYEE_ACCOUNT_TYPE: optionalText.pipe(payee.accountType.default(sandboxAchSettings.remittance.payee.accountType)),
});

export interface ServiceConfig {
  host: string;
  port: number;
  dataDir: string;
  databaseUrl?: string;
  smtpUrl?: string;
  mailDir: string;
  publicUrl?: string;
  ssnKey?: string;
  ssnKeyFile?: string;
  /** The reverse proxies' addresses and CIDR ranges whose X-Forwarded-For is believed. */
  trustProxy?: string[];
  logger: boolean;
  billingPlan: BillingPlan;
  /** The plan to the banks (ACH file) and as payee of its 820 remittances. */
  ach: AchSettings;
}

/** Parses the environment, or throws one message naming every bad variable. */
export function configFromEnv(env: NodeJS.ProcessEnv, cwd: string): ServiceConfig {
  const parsed = environment.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`The plan service's settings are invalid:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = path.resolve(cwd, e.DATA_DIR ?? 'data/plan-service');
  const ssnKeyFile = e.SSN_KEY_FILE === undefined ? undefined : path.resolve(cwd, e.SSN_KEY_FILE);
  const refusals = [...smtpRefusals(e.SMTP_URL), ...productionRefusals({ ...e, dataDir, ssnKeyFile })];
  if (refusals.length > 0) throw new Error(`The plan service will not start:\n${refusals.map((line) => `  ${line}`).join('\n')}`);
  return {
    host: e.HOST,
    port: e.PORT,
    dataDir,
    mailDir: path.resolve(cwd, e.MAIL_DIR ?? path.join(dataDir, 'mail')),
    logger: e.LOG === 'on',
    billingPlan: { name: e.PLAN_NAME, serviceTeam: { name: e.BILLING_TEAM_NAME, phone: e.BILLING_TEAM_PHONE }, memberServicesPhone: e.MEMBER_SERVICES_PHONE, accountSetupPhone: e.ACCOUNT_SETUP_PHONE },
    ach: {
      origin: { odfiRouting: e.ACH_ODFI_ROUTING, destinationName: e.ACH_DESTINATION_NAME, originName: e.ACH_ORIGIN_NAME, companyName: e.ACH_COMPANY_NAME, companyId: e.ACH_COMPANY_ID },
      remittance: {
        senderId: e.X12_SENDER_ID,
        receiverId: e.X12_RECEIVER_ID,
        usage: e.X12_USAGE,
        payee: { name: e.PAYEE_NAME, taxId: e.PAYEE_TAX_ID, bankRouting: e.PAYEE_ROUTING, accountNumber: e.PAYEE_ACCOUNT, accountType: e.PAYEE_ACCOUNT_TYPE },
      },
    },
    ...(e.DATABASE_URL ? { databaseUrl: e.DATABASE_URL } : {}),
    ...(e.SMTP_URL ? { smtpUrl: e.SMTP_URL } : {}),
    ...(e.PUBLIC_URL ? { publicUrl: e.PUBLIC_URL } : {}),
    ...(e.SSN_KEY ? { ssnKey: e.SSN_KEY } : {}),
    ...(ssnKeyFile ? { ssnKeyFile } : {}),
    ...(e.TRUST_PROXY ? { trustProxy: e.TRUST_PROXY } : {}),
  };
}

/**
 * Mail crosses the network in the clear unless TLS is required: `smtps://` (TLS from the start), or
 * `smtp://…?starttls=required` (nodemailer's requireTLS: no STARTTLS offered, no mail sent). A plain
 * `smtp://` is kept for a sink on this computer (loopback), where nothing crosses a network.
 */
function smtpRefusals(smtpUrl: string | undefined): string[] {
  if (smtpUrl === undefined) return [];
  const url = new URL(smtpUrl);
  if (url.protocol === 'smtps:' || isLoopbackHost(url.hostname)) return [];
  if (url.searchParams.get('starttls') === 'required') return [];
  return [`SMTP_URL: ${url.hostname} is not on this computer; use smtps:// or add ?starttls=required so mail (verification codes, sign-in notices) never travels unencrypted`];
}

/**
 * In production (NODE_ENV=production, or a PostgreSQL server in DATABASE_URL) the SSN key must not
 * sit beside the data it protects: a copy of the data folder or a backup would carry both. Mail
 * must go out by SMTP too; files in a folder reach no one.
 */
function productionRefusals(e: { NODE_ENV?: string | undefined; DATABASE_URL?: string | undefined; SSN_KEY?: string | undefined; SMTP_URL?: string | undefined; dataDir: string; ssnKeyFile: string | undefined }): string[] {
  if (e.NODE_ENV !== 'production' && e.DATABASE_URL === undefined) return [];
  const refusals: string[] = [];
  if (e.SSN_KEY === undefined && e.ssnKeyFile === undefined) refusals.push('SSN_KEY or SSN_KEY_FILE: in production the SSN key comes from outside the data folder (the key itself, or the path of a file holding it)');
  if (e.SSN_KEY === undefined && e.ssnKeyFile !== undefined && isInside(e.ssnKeyFile, e.dataDir)) refusals.push(`SSN_KEY_FILE: ${e.ssnKeyFile} is inside DATA_DIR; keep the key apart from the data it protects`);
  if (e.SMTP_URL === undefined) refusals.push('SMTP_URL: in production mail goes out by SMTP (smtps://… or smtp://…?starttls=required), not to files');
  return refusals;
}

function isInside(file: string, dir: string): boolean {
  const relative = path.relative(dir, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
