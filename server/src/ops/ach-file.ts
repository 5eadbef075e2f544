import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { isoDate } from '@shared/contract/schemas/primitives';
import { formatUsd } from '@shared/util/money';
import { writeDayFile } from '../services/payments/ach-day-file';
import { UsageError, type OpsCommand } from './command';
import { absoluteOption } from './file-arguments';

export const achFileCommand: OpsCommand = {
  name: 'ach-file',
  summary: 'Write a business day’s NACHA ACH file (the same file every time for that day).',
  usage: `ops ach-file --date YYYY-MM-DD [--out FILE] [--before-cutoff]
Writes the plan's ACH origination file for that business day, once its 5:00 p.m. Eastern cut-off
has passed: the debits dated that day or before not yet sent, and the prenotes and micro-deposits
that verify new bank accounts. The payments become processing and the file is kept: asking for the
same day again gives the same file and changes nothing. The service writes each day's file itself
after the cut-off; this command gets it again, or writes it when the service was not running.
With --out the file is written there (its path is printed), else its text goes to standard output.
A weekend or federal holiday has no file. --before-cutoff writes it before the cut-off, for a bank
that takes files early: the day's payments can then no longer be cancelled.`,
  absolutePaths: (args, cwd) => absoluteOption(args, 'out', cwd),
  async run(args, context) {
    const { values, positionals } = parseArgs({ args, options: { date: { type: 'string' }, out: { type: 'string' }, 'before-cutoff': { type: 'boolean' } }, allowPositionals: true, strict: true });
    if (positionals.length > 0) throw new UsageError('ach-file takes no other arguments');
    const fileDate = isoDate.safeParse(values.date);
    if (!fileDate.success) throw new UsageError('--date must be a day written YYYY-MM-DD, e.g. 2026-12-01');
    const result = await writeDayFile(context.db, context.bankCipher, context.ach.origin, fileDate.data, context.now(), { early: values['before-cutoff'] === true });
    if (result.outcome === 'not_business_day') {
      context.out(`${fileDate.data} is not a business day (weekend or federal holiday): no ACH file is sent.`);
      return;
    }
    if (result.outcome === 'before_cutoff') {
      context.out(`The ACH file of ${fileDate.data} is written after its cut-off (${result.cutoff}): payments of that day can still be cancelled until then (--before-cutoff sends it now).`);
      return;
    }
    const { file } = result;
    const when = file.writtenNow ? 'written now' : 'written before, unchanged';
    if (file.text === null) {
      context.out(`ACH file of ${fileDate.data}: nothing to send (${when}).`);
      return;
    }
    if (values.out) {
      const target = path.resolve(values.out);
      await writeFile(target, file.text, { mode: 0o600 });
      context.out(target);
    } else {
      context.out(file.text.trimEnd());
    }
    context.out(`ACH file of ${fileDate.data} (${when}): ${file.entryCount} entr${file.entryCount === 1 ? 'y' : 'ies'}, debits ${formatUsd(file.totalDebitCents)}, credits ${formatUsd(file.totalCreditCents)}.`);
  },
};
