import fs from 'node:fs';
import path from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ContractFailure } from '@shared/contract';
import type { ImportCheck } from '@shared/contract/methods/roster-import';
import type { SavedFile } from '@shared/contract/methods/rosters';
import { splitSecrets } from '../../outbox/request-secrets';
import { forgetStaleImports, insertImport, insertImportItems, type StoredImportItem } from '../../store/repositories/imports-repository';
import { openScratchCopy } from '../../store/scratch-copy';
import type { Store } from '../../store/store';
import { actingUserId } from '../transactions/acting-user';
import { requireGroupRules } from '../transactions/local-replica';
import { FamilyChecker, type CheckedMember, type PositionedRow } from './family-check';
import { detectFormat, readImportRows } from './readers/import-source';
import { writeAcknowledgment999 } from './writers/x12-999-writer';
import { x12FileAccepted, type X12FileFacts } from './x12-file-facts';

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
  /**
   * Keeps an 834's 999 acknowledgment: in the app's files folder (answering the file for the user to
   * save), or beside the checked file on the command line (answering null: there is nothing to save).
   */
  keepAcknowledgment?: ((text: string, fileName: string) => Promise<SavedFile | null>) | undefined;
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
  const { families, x12 } = await readFamilies(fs.createReadStream(filePath), format, chunk, options);
  if (x12 !== null && !x12FileAccepted(x12)) refuseEveryRow(families, x12);
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
  const acknowledgment = x12 === null ? null : await acknowledge(x12, options);
  return { importId, fileName: path.basename(options.fileName), format, members, queue: count('queue'), skip: count('skip'), refuse: count('refuse'), acknowledgment };
}

/**
 * A file whose envelopes or syntax are wrong is rejected whole, as its 999 says: each member is
 * refused with the first reason, so nothing of a half-readable file is queued.
 */
function refuseEveryRow(families: Map<string, PositionedRow[]>, x12: X12FileFacts): void {
  const first = x12.interchangeErrors[0]?.message ?? x12.groups.flatMap((g) => g.sets).find((set) => set.setErrors.length > 0 || set.segmentErrors.length > 0);
  const reason = typeof first === 'string' ? first : 'The file has X12 syntax errors';
  for (const family of families.values()) for (const { row } of family) row.problems.push(`${reason}. The whole file is rejected; its 999 acknowledgment lists the errors.`);
}

async function acknowledge(x12: X12FileFacts, options: ImportCheckOptions): Promise<SavedFile | null> {
  const text = writeAcknowledgment999(x12, options.now);
  if (text === null || options.keepAcknowledgment === undefined) return null;
  const base = path.basename(options.fileName).replace(/\.[^.]*$/, '');
  return options.keepAcknowledgment(text, `${base}.999.txt`);
}

async function readFamilies(
  input: fs.ReadStream,
  format: ReturnType<typeof detectFormat>,
  chunk: number,
  options: ImportCheckOptions,
): Promise<{ families: Map<string, PositionedRow[]>; x12: X12FileFacts | null }> {
  const families = new Map<string, PositionedRow[]>();
  const source = readImportRows(format, input);
  let position = 0;
  try {
    for await (const row of source.rows) {
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
  return { families, x12: source.x12 };
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
