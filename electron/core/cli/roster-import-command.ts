import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { groupNumber, isoDate } from '@shared/contract/schemas/primitives';
import { runImportCheck } from '../services/rosters/run-import-check';
import { createFieldCipher } from '../store/field-cipher';
import { checkDataKey, wrongKeyDetail } from '../store/key-check';
import { IdleStoreError, openIdleStore } from '../store/open-idle-store';
import { storeFileName } from '../store/open-store';
import { clockToday } from '../runtime/clock';

export const importUsage = `npm run roster -- import --data <folder> --group <number> --file <path> --dry-run [--key-file <path>] [--today <YYYY-MM-DD>]

Checks a file (an X12 834, or a CSV or Excel sheet from the app's template) against a GroupDesk
data folder that no running app is using, with the same code as the app's import: one JSON report
on stdout, with every member's outcome and reason, and for an 834 its 999 acknowledgment written
beside the file. Nothing is queued and the folder is left as it was. The exit status is 1 when any
member is refused. Confirming is done in the app. --today is the day the plan's windows count
from (default: today here), to check a file as it will be judged on another day.
The data key comes from --key-file, else GROUPDESK_DATA_KEY (base64), else the folder's own
groupdesk.key (the browser host's). The desktop app's key stays in the keychain: use the app there.`;

const importArgs = z.object({
  data: z.string().min(1),
  group: groupNumber,
  file: z.string().min(1),
  dryRun: z.literal(true, { error: 'Only a dry run can be done here: add --dry-run, and confirm in the app.' }),
  keyFile: z.string().min(1).optional(),
  today: isoDate.optional(),
});

export class ImportUsageError extends Error {}

function parseImportArgs(args: string[]): z.infer<typeof importArgs> {
  let values;
  try {
    values = parseArgs({
      args,
      strict: true,
      options: { data: { type: 'string' }, group: { type: 'string' }, file: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, 'key-file': { type: 'string' }, today: { type: 'string' } },
    }).values;
  } catch (error) {
    throw new ImportUsageError(error instanceof Error ? error.message : String(error));
  }
  const parsed = importArgs.safeParse({ data: values.data, group: values.group, file: values.file, dryRun: values['dry-run'], keyFile: values['key-file'], today: values.today });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ImportUsageError(`--${String(issue?.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data;
}

/** The data key, from where the usage says; a key of the wrong size is refused before anything is read. */
function dataKey(dataDir: string, keyFile: string | undefined): Buffer {
  const given = keyFile === undefined ? process.env.GROUPDESK_DATA_KEY : fs.readFileSync(keyFile, 'utf8');
  const fromFolder = path.join(dataDir, 'groupdesk.key');
  const text = given ?? (fs.existsSync(fromFolder) ? fs.readFileSync(fromFolder, 'utf8') : undefined);
  if (text === undefined) throw new IdleStoreError(`No data key for ${dataDir}: give --key-file or GROUPDESK_DATA_KEY. The desktop app keeps its key in the keychain; check files in the app there.`);
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32) throw new IdleStoreError('The data key must be 32 bytes, written in base64.');
  return key;
}

/**
 * `import --dry-run`: the app's file check on an idle folder. The check's record is removed
 * afterwards, so the folder holds nothing the app did not put there; a 999 goes beside the file,
 * written whole (a temporary name, then a rename).
 */
export async function runImportCommand(args: string[], signal: AbortSignal): Promise<{ report: Record<string, unknown>; refused: boolean }> {
  const options = parseImportArgs(args);
  const dataDir = path.resolve(options.data);
  const file = path.resolve(options.file);
  if (!fs.existsSync(file)) throw new IdleStoreError(`There is no file ${file}.`);
  const key = dataKey(dataDir, options.keyFile);
  const db = openIdleStore(dataDir);
  try {
    const store = { db, cipher: createFieldCipher(key), path: path.join(dataDir, storeFileName) };
    const now = new Date().toISOString();
    const keyCheck = checkDataKey(store, key, undefined, now);
    if (!keyCheck.ok) throw new IdleStoreError(wrongKeyDetail(keyCheck.writtenBy, undefined));
    let acknowledgment: string | null = null;
    const check = await runImportCheck(store, options.group, file, {
      today: clockToday(options.today)(),
      now,
      fileName: path.basename(file),
      signal,
      keepAcknowledgment: async (text, fileName) => {
        acknowledgment = path.join(path.dirname(file), fileName);
        const partial = `${acknowledgment}.part`;
        fs.writeFileSync(partial, text);
        fs.renameSync(partial, acknowledgment);
        return null;
      },
    });
    db.prepare('DELETE FROM imports WHERE id = ?').run(check.importId);
    const { importId: _importId, acknowledgment: _saved, ...counts } = check;
    return { report: { ok: check.refuse === 0, group: options.group, ...counts, acknowledgment }, refused: check.refuse > 0 };
  } finally {
    db.close();
  }
}
