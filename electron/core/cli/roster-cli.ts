// `npm run roster -- export …` and `npm run roster -- import … --dry-run`: the app's roster download and file check on an idle data folder.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ContractFailure } from '@shared/contract';
import { rosterExportColumns, rosterExportFormats } from '@shared/contract/methods/rosters';
import { groupNumber, isoDate } from '@shared/contract/schemas/primitives';
import { defaultExportChoices } from '../services/rosters/export-choices';
import { writeRosterFile } from '../services/rosters/roster-file';
import { IdleStoreError, openIdleStore } from '../store/open-idle-store';
import { ImportUsageError, importUsage, runImportCommand } from './roster-import-command';

const usage = `npm run roster -- export --data <folder> --group <number> --as-of <YYYY-MM-DD> --format csv|xlsx|pdf|x12-834 --out <file> [--columns a,b,c] [--plain-csv]

Writes a group's roster as of a date from a GroupDesk data folder that no running app is using,
with the same code as the app's download. Prints one JSON line (the report) on stdout.
Columns: ${rosterExportColumns.join(', ')}.

${importUsage}`;

const exportArgs = z.object({
  data: z.string().min(1),
  group: groupNumber,
  asOf: isoDate,
  format: z.enum(rosterExportFormats),
  out: z.string().min(1),
  columns: z.array(z.enum(rosterExportColumns)).min(1),
  plainCsv: z.boolean(),
});

class UsageError extends Error {}

function parseExportArgs(args: string[]): z.infer<typeof exportArgs> {
  const values = readOptions(args);
  const parsed = exportArgs.safeParse({
    data: values.data,
    group: values.group,
    asOf: values['as-of'],
    format: values.format,
    out: values.out,
    columns: values.columns === undefined ? defaultExportChoices.columns : values.columns.split(',').map((c) => c.trim()),
    plainCsv: values['plain-csv'],
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--${String(issue?.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

function readOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      strict: true,
      options: {
        data: { type: 'string' },
        group: { type: 'string' },
        'as-of': { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        columns: { type: 'string' },
        'plain-csv': { type: 'boolean', default: false },
      },
    }).values;
  } catch (error) {
    // node:util names the unknown or malformed option in its message.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Exports one roster; the file appears whole at `--out` or not at all. */
async function runExport(args: string[], signal: AbortSignal): Promise<Record<string, unknown>> {
  const options = parseExportArgs(args);
  const started = performance.now();
  const db = openIdleStore(path.resolve(options.data));
  const out = path.resolve(options.out);
  const partial = `${out}.part`;
  try {
    const rows = await writeRosterFile(
      db,
      { groupNumber: options.group, asOf: options.asOf, scope: { kind: 'all' }, columns: options.columns, format: options.format, excelFriendly: !options.plainCsv },
      partial,
      new Date().toISOString(),
      signal,
      () => undefined,
    );
    fs.renameSync(partial, out);
    return { ok: true, group: options.group, asOf: options.asOf, format: options.format, rows, bytes: fs.statSync(out).size, out, ms: Math.round(performance.now() - started) };
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === 'help') {
    console.error(usage);
    return command === undefined ? 2 : 0;
  }
  const controller = new AbortController();
  // Ctrl-C stops at the next chunk and removes the partial file.
  process.once('SIGINT', () => controller.abort());
  try {
    if (command === 'import') {
      const { report, refused } = await runImportCommand(rest, controller.signal);
      console.log(JSON.stringify(report));
      return refused ? 1 : 0;
    }
    if (command !== 'export') throw new UsageError(`Unknown command "${command}". The commands are: export, import.`);
    console.log(JSON.stringify(await runExport(rest, controller.signal)));
    return 0;
  } catch (error) {
    const usageError = error instanceof UsageError || error instanceof ImportUsageError;
    const known = usageError || error instanceof IdleStoreError || error instanceof ContractFailure;
    const message = controller.signal.aborted ? 'Stopped; nothing was written.' : known ? (error as Error).message : `The ${command ?? 'command'} failed (${error instanceof Error ? error.name : 'unknown error'}).`;
    console.error(message);
    console.log(JSON.stringify({ ok: false, error: message }));
    if (usageError) console.error(`\n${usage}`);
    return usageError ? 2 : 1;
  }
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
