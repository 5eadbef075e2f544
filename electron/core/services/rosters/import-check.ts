import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ContractFailure } from '@shared/contract';
import type { ImportCheck } from '@shared/contract/methods/roster-import';
import { splitSecrets } from '../../outbox/request-secrets';
import { forgetStaleImports, insertImport, insertImportItems, type StoredImportItem } from '../../store/repositories/imports-repository';
import { openScratchCopy } from '../../store/scratch-copy';
import type { Store } from '../../store/store';
import { actingUserId } from '../transactions/acting-user';
import { requireGroupRules } from '../transactions/local-replica';
import { FamilyChecker, type CheckedMember, type PositionedRow } from './family-check';
import { detectFormat, readImportRows } from './readers/import-source';

export interface ImportCheckOptions {
  today: string;
  now: string;
  /** The name the user's file had, for the report and Activity's batch label (never a path). */
  fileName: string;
  /** Aborted when the user cancels the job: the check stops between chunks and records nothing. */
  signal?: AbortSignal | undefined;
  /** `done` of `total` members checked; `total` is null while the file is still being read. */
  onProgress?: ((done: number, total: number | null) => void) | undefined;
  /** Members checked between two turns of the event loop. */
  chunkSize?: number | undefined;
}

const defaultChunk = 250;

/** How long an unconfirmed check is kept for confirming: a week. */
const unconfirmedKeptMs = 7 * 24 * 60 * 60 * 1000;

/**
 * Checks a received file, a dry run: the rows stream from the file into families (a family's rows
 * may be anywhere in the file), then every family is planned and queued in a scratch copy of the
 * store, in chunks between which other calls run, progress is told and a cancel is noticed. The
 * outcome of each member is recorded (imports, import_items) for paging, the report and confirming;
 * the real store's roster and outbox are not touched.
 */
export async function checkImportFile(store: Store, groupNumber: string, filePath: string, options: ImportCheckOptions): Promise<ImportCheck> {
  requireGroupRules(store.db, groupNumber, options.today);
  const format = detectFormat(filePath);
  const chunk = options.chunkSize ?? defaultChunk;
  const families = await readFamilies(fs.createReadStream(filePath), format, chunk, options);
  const members = [...families.values()].reduce((n, f) => n + f.length, 0);
  const checked = await checkFamilies(store, groupNumber, families, members, chunk, options);
  checked.sort((a, b) => a.position - b.position);

  const importId = store.db.transaction(() => {
    forgetStaleImports(store.db, groupNumber, new Date(Date.parse(options.now) - unconfirmedKeptMs).toISOString());
    const id = insertImport(store.db, { groupNumber, fileName: path.basename(options.fileName), format, createdBy: actingUserId(store.db), now: options.now });
    insertImportItems(store.db, id, checked.map((c) => toStored(store, c)));
    return id;
  })();
  const count = (outcome: CheckedMember['outcome']) => checked.filter((c) => c.outcome === outcome).length;
  return { importId, fileName: path.basename(options.fileName), format, members, queue: count('queue'), skip: count('skip'), refuse: count('refuse'), acknowledgment: null };
}

async function readFamilies(input: fs.ReadStream, format: ReturnType<typeof detectFormat>, chunk: number, options: ImportCheckOptions): Promise<Map<string, PositionedRow[]>> {
  const families = new Map<string, PositionedRow[]>();
  let position = 0;
  try {
    for await (const row of readImportRows(format, input)) {
      position += 1;
      const family = families.get(row.familyKey);
      if (family === undefined) families.set(row.familyKey, [{ position, row }]);
      else family.push({ position, row });
      if (position % chunk === 0) {
        throwIfCancelled(options.signal);
        options.onProgress?.(0, null);
      }
    }
  } finally {
    input.destroy();
  }
  throwIfCancelled(options.signal);
  return families;
}

async function checkFamilies(store: Store, groupNumber: string, families: Map<string, PositionedRow[]>, total: number, chunk: number, options: ImportCheckOptions): Promise<CheckedMember[]> {
  const scratch = openScratchCopy(store);
  try {
    scratch.db.exec('BEGIN');
    const checker = new FamilyChecker({ store: scratch, today: options.today, now: options.now }, groupNumber);
    const checked: CheckedMember[] = [];
    let sinceYield = 0;
    options.onProgress?.(0, total);
    for (const family of families.values()) {
      checked.push(...checker.check(family));
      sinceYield += family.length;
      if (sinceYield >= chunk) {
        sinceYield = 0;
        options.onProgress?.(checked.length, total);
        await nextTurn();
        throwIfCancelled(options.signal);
      }
    }
    options.onProgress?.(checked.length, total);
    return checked;
  } finally {
    scratch.close();
  }
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new ContractFailure('CONFLICT', 'The check was cancelled: nothing was recorded. Check the file again to continue.');
}

/** The transaction to queue, with its SSNs taken out and encrypted by the store's cipher as the outbox keeps them. */
function toStored(store: Store, c: CheckedMember): StoredImportItem {
  const { transaction, ...item } = c;
  if (transaction === null) return { ...item, request: null, secretsEncrypted: null };
  const { masked, secrets } = splitSecrets(transaction);
  return { ...item, request: JSON.stringify(masked), secretsEncrypted: Object.keys(secrets).length === 0 ? null : store.cipher.encrypt(JSON.stringify(secrets)) };
}
