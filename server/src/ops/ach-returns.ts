import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { importReturnsFile } from '../services/payments/ach-returns-import';
import { UsageError, type OpsCommand, type OpsContext } from './command';
import { absolutePositionals } from './file-arguments';

export const achReturnsCommand: OpsCommand = {
  name: 'ach-returns',
  summary: 'Import the bank’s ACH returns and notifications of change.',
  usage: `ops ach-returns FILE
Reads the NACHA file of returns (R01 R02 R03 R04 R07 R08 R10 R16 R20 R29) and notifications of
change (C01 C02 C03) the plan's bank sends back, and applies each to the payment or bank account its
original trace number names: the payment is returned and its invoices open again, the account is
disabled or corrected, autopay is suspended or cancelled, and the group is e-mailed. Prints one
line per entry and a summary. Importing the same file again changes nothing. An entry no payment or
account matches, or with a code the plan does not act on, is reported for the operator to handle;
a file that is not laid out as NACHA says is refused whole, before anything changes.`,
  absolutePaths: absolutePositionals,
  async run(args, context) {
    const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
    const [file, ...extra] = positionals;
    if (!file || extra.length > 0) throw new UsageError('Give exactly one returns file');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      throw new UsageError(`Cannot read ${file}: ${error instanceof Error && 'code' in error ? String(error.code) : 'unreadable'}`);
    }
    const entries = await importReturnsFile(envOf(context), context.bankCipher, text, context.now());
    for (const e of entries) context.out(`${e.code}  ${e.originalTrace}  ${e.target ?? '(unknown)'}  ${e.outcome}`);
    const count = (status: (typeof entries)[number]['status']) => entries.filter((e) => e.status === status).length;
    context.out(`${entries.length} entr${entries.length === 1 ? 'y' : 'ies'}: ${count('applied')} applied, ${count('already')} imported before, ${count('unknown')} unknown, ${count('refused')} to handle by hand.`);
  },
};

/** The payment services' environment from the operator's; mail failures are printed as warnings. */
export const envOf = (context: OpsContext) => ({
  db: context.db,
  mailer: context.mailer,
  plan: context.billingPlan,
  log: { error: (details: Record<string, unknown>, message: string) => context.out(`Warning: ${message} (${JSON.stringify(details.err ?? details.errorType ?? '')})`) },
});
