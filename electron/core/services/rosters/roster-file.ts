import type { Database } from 'better-sqlite3';
import { ContractFailure } from '@shared/contract';
import type { RosterExportColumn, RosterExportFormat, RosterScope } from '@shared/contract/methods/rosters';
import type { EnrollmentPartner } from '@shared/contract/schemas/group';
import { statement } from '../../store/statements';
import { csvFraming } from '../../exports/csv-text';
import { rosterAsOf, rosterAsOfCount } from './roster-as-of';
import { detailsRead } from './roster-columns';
import { allMemberDetails, type RosterFileContext, type RosterProgress } from './roster-record';
import { bundledRosterThreadScript, csvChunksInThreads, rosterThreadCount, threadedFromMembers } from './threads/roster-threads';
import { writeCsvChunks, writeRosterCsv } from './writers/csv-writer';
import { writeRosterPdf } from './writers/pdf-writer';
import type { RosterWriter } from './writers/roster-writer';
import { writeRosterXlsx } from './writers/xlsx-writer';
import { x12834Writer } from './writers/x12-834-writer';

export interface RosterFileRequest {
  groupNumber: string;
  asOf: string;
  scope: RosterScope;
  columns: readonly RosterExportColumn[];
  format: RosterExportFormat;
  excelFriendly: boolean;
}

const fileTypes: Record<RosterExportFormat, { extension: string; contentType: string }> = {
  csv: { extension: 'csv', contentType: 'text/csv; charset=utf-8' },
  xlsx: { extension: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pdf: { extension: 'pdf', contentType: 'application/pdf' },
  'x12-834': { extension: 'x12', contentType: 'application/edi-x12' },
};

/** The name the user saves the file under: the group and the date, never member data. */
export function rosterFileName(groupNumber: string, asOf: string, format: RosterExportFormat): string {
  return `roster-${groupNumber}-as-of-${asOf}.${fileTypes[format].extension}`;
}

export const rosterContentType = (format: RosterExportFormat): string => fileTypes[format].contentType;

function writerFor(db: Database, groupNumber: string, format: RosterExportFormat): RosterWriter {
  switch (format) {
    case 'csv':
      return writeRosterCsv;
    case 'xlsx':
      return writeRosterXlsx;
    case 'pdf':
      return writeRosterPdf;
    case 'x12-834': {
      const partner = enrollmentPartnerOf(db, groupNumber);
      if (partner === null) throw new ContractFailure('RULE', 'The plan has not sent the details an X12 834 is addressed with yet. Sync with the plan, then download again.');
      const write = x12834Writer({ receiverId: partner.x12Id, payerName: partner.name, payerTaxId: partner.taxId, usage: partner.usage });
      return (records, target, _columns, context, options, signal, progress) => write(records, target, [], context, options, signal, progress);
    }
  }
}

/** The plan's X12 identity as its group came from the plan (null from a plan service that predates it). */
function enrollmentPartnerOf(db: Database, groupNumber: string): EnrollmentPartner | null {
  const text = statement(db, 'SELECT enrollment_partner FROM groups WHERE group_number = ?').pluck().get(groupNumber) as string | null | undefined;
  return text === null || text === undefined ? null : (JSON.parse(text) as EnrollmentPartner);
}

/**
 * Writes the roster of `request` to `target` (the desktop's files folder, or the CLI's output) and
 * answers the rows written. The group must be in the replica; the members are read as of the date.
 *
 * A large CSV is read by several threads at once (`threadScript`, the bundled reading thread; null
 * reads on this thread): its reading is most of its time, while a workbook's, a PDF's or an 834's
 * writing is, and their records would cost more to send between threads than to read.
 */
export async function writeRosterFile(
  db: Database,
  request: RosterFileRequest,
  target: string,
  createdAt: string,
  signal: AbortSignal,
  progress: RosterProgress,
  threadScript: string | null = bundledRosterThreadScript(),
): Promise<number> {
  const writer = writerFor(db, request.groupNumber, request.format);
  const groupName = statement(db, 'SELECT name FROM groups WHERE group_number = ?').pluck().get(request.groupNumber) as string | undefined;
  if (groupName === undefined) throw new ContractFailure('NOT_FOUND', `Group ${request.groupNumber} is not on this computer.`);
  const context: RosterFileContext = { groupNumber: request.groupNumber, groupName, asOf: request.asOf, createdAt };
  const query = { groupNumber: request.groupNumber, asOf: request.asOf, scope: request.scope };
  // An 834 carries every detail of a member; the other formats only their columns'.
  const details = request.format === 'x12-834' ? new Set(allMemberDetails) : detailsRead(request.columns);
  const total = rosterAsOfCount(db, query);
  progress(0, total);
  const options = { excelFriendly: request.excelFriendly, total };
  const threads = rosterThreadCount();
  if (request.format === 'csv' && threadScript !== null && threads > 1 && (total === null || total >= threadedFromMembers)) {
    const { recordEnd } = csvFraming({ bom: request.excelFriendly, crlf: request.excelFriendly });
    const chunks = csvChunksInThreads({ db, script: threadScript, threads, query, data: { details: [...details], columns: [...request.columns], recordEnd }, signal });
    return writeCsvChunks(target, request.columns, options, signal, progress, chunks);
  }
  return writer(rosterAsOf(db, query, details), target, request.columns, context, options, signal, progress);
}
