// `npm run server` (start the plan service) and `npm run server -- ops <command>` (operators).
// Thin: settings come from the environment, everything else from startPlanService and runOps.
import { configFromEnv } from './config';
import { startPlanService } from './start';
import { runOps } from './ops/run';
import { DataFolderInUseError } from './store/folder-lock';

const help = `GroupDesk plan service

Usage:
  npm run server                     start the service (settings from the environment)
  npm run server -- ops <command>    run an operator command (ops --help lists them)

Environment: HOST (127.0.0.1), PORT (8740), DATA_DIR (data/plan-service, PGlite), DATABASE_URL
(postgres://…, instead of PGlite), SMTP_URL (smtps://…, or smtp://…?starttls=required unless on loopback;
else .eml files in MAIL_DIR, refused in production), MAIL_DIR
(<DATA_DIR>/mail), PUBLIC_URL (links in e-mails), SSN_KEY (64 hex) or SSN_KEY_FILE (a file holding it; else
<DATA_DIR>/ssn.key, refused in production: NODE_ENV=production or DATABASE_URL set), LOG (on|off),
TRUST_PROXY (behind a reverse proxy: the proxies' addresses or CIDR ranges, comma-separated), PLAN_NAME,
BILLING_TEAM_NAME and BILLING_TEAM_PHONE (the plan and billing team named on invoices and their e-mails),
MEMBER_SERVICES_PHONE (who members call, printed on their ID cards), ACCOUNT_SETUP_PHONE (who administrators
call about signing up and access, shown in GroupDesk's Help).`;

async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === '--help' || first === 'help') {
    console.log(help);
    return 0;
  }
  const config = configFromEnv(process.env, process.cwd());
  if (first === 'ops') return runOps(rest, config, console.log, console.error);
  if (first !== undefined && first !== 'server') {
    console.error(`Unknown command "${first}".\n\n${help}`);
    return 2;
  }
  const service = await startPlanService({
    host: config.host,
    port: config.port,
    dataDir: config.dataDir,
    mailDir: config.mailDir,
    logger: config.logger,
    // Logs (JSON lines) go to stderr so stdout carries only the one line a script waits for.
    logStream: process.stderr,
    // The service issues invoices on the groups' bill days itself (docs/billing-rules.md).
    billingCycle: {},
    // And settles ACH debits and runs autopay (docs/billing-rules.md).
    paymentsJob: {},
    billingPlan: config.billingPlan,
    ach: config.ach,
    ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : {}),
    ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : {}),
    ...(config.publicUrl ? { publicUrl: config.publicUrl } : {}),
    ...(config.ssnKey ? { ssnKey: config.ssnKey } : {}),
    ...(config.ssnKeyFile ? { ssnKeyFile: config.ssnKeyFile } : {}),
    ...(config.trustProxy !== undefined ? { trustProxy: config.trustProxy } : {}),
  });
  console.log(`GroupDesk plan service listening on ${service.url}`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  // In-flight requests finish; new connections are refused; then the database closes cleanly.
  await service.close();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof DataFolderInUseError) {
      console.error(`${error.message} Stop it before starting another service on this folder, or give this one its own DATA_DIR; ops commands reach the running one.`);
      process.exit(1);
    }
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
