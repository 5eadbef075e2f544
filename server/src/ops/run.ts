import os from 'node:os';
import { ContractFailure } from '@shared/contract/errors';
import type { ServiceConfig } from '../config';
import { openDatabase } from '../store/db';
import { createMailer } from '../mail/mailer';
import { loadSsnKey, ssnCipher } from '../services/eligibility/ssn-crypto';
import { UsageError } from './command';
import { opsCommands } from './index';

function overview(): string {
  const width = Math.max(...opsCommands.map((c) => c.name.length));
  return ['Usage: npm run server -- ops <command> [options]', '', 'Commands:', ...opsCommands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`), '', 'Run `ops <command> --help` for its options.'].join('\n');
}

/**
 * Runs one operator command against the configured database and mail, and returns the exit code:
 * 0 done, 1 refused by a rule (the message says why), 2 wrong invocation.
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
  const database = await openDatabase({ ...(config.databaseUrl ? { databaseUrl: config.databaseUrl } : { dataDir: config.dataDir }) });
  const mailer = createMailer({ ...(config.smtpUrl ? { smtpUrl: config.smtpUrl } : { mailDir: config.mailDir }) });
  try {
    const key = await loadSsnKey({ env: config.ssnKey, dataDir: config.dataDir });
    await command.run(args, { db: database.db, mailer, ssnCipher: ssnCipher(key), config, now: () => new Date(), operator: `ops:${os.userInfo().username}`, out });
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      err(`${error.message}\n\n${command.usage}`);
      return 2;
    }
    if (error instanceof ContractFailure) {
      err(error.message);
      return 1;
    }
    throw error;
  } finally {
    mailer.close();
    await database.close();
  }
}
