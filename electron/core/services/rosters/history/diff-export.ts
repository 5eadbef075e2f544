import type { MethodOutput, ParsedInput } from '@shared/contract';
import { relationshipLabels } from '@shared/domain/relationships';
import { rosterChangeLabels } from '@shared/domain/roster-changes';
import type { HandlerContext } from '../../../dispatch/handler-types';
import { tableContentTypes, type TableColumn } from '../../../exports/table-file/table-file';
import { writeTableFile } from '../../../exports/table-file/write-table-file';
import { groupAsOf } from '../../groups/replica-time';
import { checkRange, diffBatches, diffCounts } from './roster-diff';

/** Rows read per query: small enough to answer other calls between batches, large enough to be quick. */
const batchSize = 1000;

const columns: readonly TableColumn[] = [
  { header: 'Member ID', width: 14 },
  { header: 'Employee ID', width: 14 },
  { header: 'Relationship', width: 14 },
  { header: 'Name', width: 28 },
  { header: 'Change', width: 12 },
  { header: 'Details', width: 60 },
];

/**
 * Writes the differences between two dates as a file in the core's files folder, reporting progress
 * as `job.progress` events at once (not after the call, as `emit` would). `signal` stops the writing
 * between batches, and the file store removes the partial file.
 */
export async function exportRosterDiff(ctx: HandlerContext, input: ParsedInput<'roster.exportDiff'>, signal?: AbortSignal): Promise<MethodOutput<'roster.exportDiff'>> {
  const range = { groupNumber: input.groupNumber, from: input.from, to: input.to };
  checkRange(range);
  groupAsOf(ctx.store.db, input.groupNumber);
  const counts = diffCounts(ctx.store.db, range);
  const total = counts.added + counts.terminated + counts.changed;
  ctx.publish({ type: 'job.progress', jobId: input.jobId, done: 0, total });
  const file = await ctx.files.writeNew((path) =>
    writeTableFile(input.format, path, {
      title: `Roster changes, group ${input.groupNumber}`,
      subtitle: `Coverage on ${input.from} compared with ${input.to}: ${counts.added} added, ${counts.terminated} terminated, ${counts.changed} changed. Only coverage (plan and tier) is compared.`,
      columns,
      batches: mapBatches(diffBatches(ctx.store.db, range, batchSize), (row) => [row.memberId, row.subscriberId, relationshipLabels[row.relationship], row.name, rosterChangeLabels[row.change], row.details.join('; ')]),
      ...(signal === undefined ? {} : { signal }),
      onProgress: (done) => ctx.publish({ type: 'job.progress', jobId: input.jobId, done, total }),
    }),
  );
  return {
    fileId: file.fileId,
    fileName: `roster-changes-${input.groupNumber}-${input.from}-to-${input.to}.${input.format}`,
    contentType: tableContentTypes[input.format],
    bytes: file.bytes,
    rows: total,
  };
}

function* mapBatches<T, U>(batches: Iterable<T[]>, map: (item: T) => U): Generator<U[]> {
  for (const batch of batches) yield batch.map(map);
}
