import type { WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { once } from 'node:events';
import { ContractFailure } from '@shared/contract/errors';
import { openOutputFile } from '../../../exports/output-file';
import type { RosterExportColumn } from '@shared/contract/methods/rosters';
import { controlNumberAt, geSegment, gsSegment, ieaSegment, isaSegment, seSegment, transactionSetControlNumber, utcDateTime } from '@shared/x12/envelope';
import type { RosterFileContext, RosterProgress, RosterRecord } from '../roster-record';
import { headerSegments, implementationGuide834, memberLoopWriter, type X12834Partners } from './x12-834-segments';

export type { X12834Partners } from './x12-834-segments';

/** Segments are written in chunks of about this many characters: few writes, little held in memory. */
const chunkSize = 64 * 1024;

export type X12834Writer = (
  records: Iterable<RosterRecord>,
  targetPath: string,
  columns: RosterExportColumn[],
  context: RosterFileContext,
  options: { excelFriendly?: boolean },
  signal: AbortSignal,
  progress: RosterProgress,
) => Promise<number>;

/**
 * The roster as a 005010X220A1 834 full-file audit: one interchange, one BE group and one
 * transaction set for the group. The columns and the spreadsheet options do not apply: an 834
 * carries what the guide asks for. The control numbers and every date and time come from the
 * context's `createdAt`, so the same roster at the same instant gives the same file.
 * Returns the number of members written; on failure or abort the partial file is removed.
 */
export function x12834Writer(partners: X12834Partners): X12834Writer {
  // Checked once, where the settings are wired: a receiver rejects a whole file for a malformed id.
  if (!/^[0-9A-Z]{2,15}$/.test(partners.receiverId)) throw new RangeError('The plan\'s interchange id is 2 to 15 capital letters or digits');
  if (!/^\d{9}$/.test(partners.payerTaxId)) throw new RangeError('The insurer\'s federal tax id is 9 digits');
  if (partners.payerName.trim() === '') throw new RangeError('The insurer needs a name');
  return async (records, targetPath, _columns, context, _options, signal, progress) => {
    signal.throwIfAborted();
    const out = await openOutputFile(targetPath);
    try {
      const written = await writeInterchange(out, records, context, partners, signal, progress);
      out.end();
      await once(out, 'finish');
      return written;
    } catch (error) {
      out.destroy();
      await rm(targetPath, { force: true });
      throw error;
    }
  };
}

async function writeInterchange(
  out: WriteStream,
  records: Iterable<RosterRecord>,
  context: RosterFileContext,
  partners: X12834Partners,
  signal: AbortSignal,
  progress: RosterProgress,
): Promise<number> {
  const controlNumber = controlNumberAt(context.createdAt);
  const created = utcDateTime(context.createdAt);
  const setControl = transactionSetControlNumber(1);
  // The group is the sender, by the number the plan gave it; the plan is the receiver.
  const senderId = context.groupNumber;
  const envelope = { date: created.date, time: created.time, controlNumber };
  const header = headerSegments(context, partners, setControl, created);
  let buffer = [
    isaSegment({ ...envelope, senderQualifier: 'ZZ', senderId, receiverQualifier: 'ZZ', receiverId: partners.receiverId, usage: partners.usage }),
    gsSegment({ ...envelope, functionalId: 'BE', senderId, receiverId: partners.receiverId, version: implementationGuide834 }),
    ...header,
  ].join('\n');
  let segmentsInSet = header.length;
  let members = 0;

  const flush = async (): Promise<void> => {
    signal.throwIfAborted();
    // Backpressure: wait for the disk to take the chunk (or for a cancel) before building more.
    if (!out.write(buffer + '\n')) await once(out, 'drain', { signal });
    buffer = '';
  };

  const memberSegments = memberLoopWriter(context.groupNumber);
  for (const record of records) {
    const segments = memberSegments(record);
    segmentsInSet += segments.length;
    members += 1;
    buffer += (buffer === '' ? '' : '\n') + segments.join('\n');
    if (buffer.length >= chunkSize) {
      await flush();
      progress(members, null);
    }
  }
  if (members === 0) throw new ContractFailure('VALIDATION', 'An 834 names at least one member, and this roster has none on that date');
  // SE01 counts the SE itself.
  buffer += '\n' + [seSegment(segmentsInSet + 1, setControl), geSegment(1, controlNumber), ieaSegment(1, controlNumber)].join('\n');
  await flush();
  progress(members, members);
  return members;
}
