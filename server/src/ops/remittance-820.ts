import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { isoDate } from '@shared/contract/schemas/primitives';
import { settledRemittance } from '../services/payments/remittance';
import { UsageError, type OpsCommand } from './command';
import { absoluteOption } from './file-arguments';

export const remittance820Command: OpsCommand = {
  name: 'remittance-820',
  summary: 'Write the X12 820 remittance of settled payments, naming the invoices they paid.',
  usage: `ops remittance-820 --date YYYY-MM-DD [--out FILE]
ops remittance-820 --payment PAY-YYMMDD-XXXXXX [--out FILE]
Writes an X12 820 (005010X218) interchange with one remittance per settled payment: the payments
that settled on that day, or the one payment named (it must be settled). Each names the group and
every invoice the payment paid, with what it paid of it and the coverage month. The payer's
account is named by its last four digits only. With --out the interchange is written there (its
path is printed), else it goes to standard output.`,
  absolutePaths: (args, cwd) => absoluteOption(args, 'out', cwd),
  async run(args, context) {
    const { values, positionals } = parseArgs({ args, options: { date: { type: 'string' }, payment: { type: 'string' }, out: { type: 'string' } }, allowPositionals: true, strict: true });
    if (positionals.length > 0) throw new UsageError('remittance-820 takes no other arguments');
    if ((values.date === undefined) === (values.payment === undefined)) throw new UsageError('Give either --date or --payment');
    const date = values.date === undefined ? undefined : isoDate.safeParse(values.date);
    if (date && !date.success) throw new UsageError('--date must be a day written YYYY-MM-DD, e.g. 2026-12-02');
    if (values.payment !== undefined && !/^PAY-\d{6}-[0-9A-Z]{6}$/.test(values.payment)) throw new UsageError('--payment must be a confirmation number, e.g. PAY-261127-7KQ2MX');
    const selection = date ? { settlementDate: date.data } : { confirmationNumber: values.payment ?? '' };
    const remittance = await settledRemittance(context.db, context.ach, selection, context.now());
    if (!remittance) {
      context.out(`No payment settled on ${date?.data ?? ''}: no remittance.`);
      return;
    }
    if (values.out) {
      await writeFile(values.out, remittance.text, { mode: 0o600 });
      context.out(values.out);
    } else {
      context.out(remittance.text.trimEnd());
    }
    context.out(`820 remittance of ${remittance.payments.length} payment${remittance.payments.length === 1 ? '' : 's'}: ${remittance.payments.join(', ')}.`);
  },
};
