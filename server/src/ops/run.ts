import os from 'node:os';
import type { ServiceConfig } from '../config';
import { openDatabase } from '../store/db';
import { DataFolderInUseError, lockDataFolder, type FolderLock } from '../store/folder-lock';
import { createMailer } from '../mail/mailer';
import { loadSsnKey, ssnCipher } from '../services/eligibility/ssn-crypto';
import { bankAccountCipher } from '../services/payments/bank-account-cipher';
import type { OpsCommand } from './command';
import { executeOpsCommand } from './execute';
import { opsCommands } from './index';
import { operatorName } from './operator-protocol';
import { runThroughService } from './through-service';

function overview(): string {
  const width = Math.max(...opsCommands.map((c) => c.name.length));
  return [
    'Usage: npm run server -- ops <command> [options]',
    '',
    'Commands:',
    ...opsCommands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `ops <command> --help` for its options.',
    'While the plan service runs on the PGlite data folder, commands are carried out by that service;',
    'otherwise they open the folder themselves. With DATABASE_URL they use PostgreSQL directly.',
  ].join('\n');
}

/**
 * Runs one operator command against the configured database and mail, and returns the exit code:
 * 0 done, 1 refused by a rule (the message says why), 2 wrong invocation. A PGlite folder may be
 * open in one process only: when a running service holds it, the command is sent to that service.
 */
export async function runOps(argv: string[], config: ServiceConfig, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === 'help') {
    out(overview());
    return name ? 0 : 2;
  }
  const command = opsCommands.find((c) => c.name === name);
  if (!command) {
    err(`Unknown ops command "${name}".\n\n${overview()}`);
    return 2;
  }
  if (args.includes('--help')) {
    out(command.usage);
    return 0;
  }
  const operator = operatorName(os.userInfo().username);
  if (config.databaseUrl) return runHere(command, args, config, operator, undefined, out, err);
  let lock: FolderLock;
  try {
    lock = await lockDataFolder(config.dataDir, `ops ${name}`);
  } catch (error) {
    if (error instanceof DataFolderInUseError) return runThroughService(error, { argv: [name, ...(command.absolutePaths?.(args, process.cwd()) ?? args)], operator }, out, err);
    throw error;
  }
  return runHere(command, args, config, operator, lock, out, err);
}

/** Opens the database (taking over `lock`, which it releases on close) and runs the command in this process. */
async function runHere(command: OpsCommand, args: string[], config: ServiceConfig, operator: string, lock: FolderLock | undefined, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const database = await openDatabase(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir, ...(lock ? { lock } : {}) });
  const mailer = createMailer({ ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : { mailDir: config.mailDir }) });
  try {
    const key = await loadSsnKey({ env: config.ssnKey, file: config.ssnKeyFile, dataDir: config.dataDir });
    return await executeOpsCommand(command, args, { db: database.db, mailer, billingPlan: config.billingPlan, ach: config.ach, ssnCipher: ssnCipher(key), bankCipher: bankAccountCipher(key), now: () => new Date(), operator, out }, err);
  } finally {
    mailer.close();
    await database.close();
  }
}
