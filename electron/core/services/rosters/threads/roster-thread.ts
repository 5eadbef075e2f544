import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { rosterRangeReader } from '../roster-as-of';
import { csvRows } from '../writers/csv-rows';
import { rosterThreadData, rosterThreadRequest, type RosterThreadAnswer } from './roster-thread-protocol';

// A thread that reads ranges of a roster from the store and answers them as CSV rows, so a large
// download reads on every core at once (roster-threads.ts starts it). It only reads.
const port = parentPort;
if (port === null) throw new Error('roster-thread must run in a worker thread (see roster-threads.ts)');

const data = rosterThreadData.parse(workerData);
const db = new Database(data.file, { readonly: true, fileMustExist: true, ...(data.nativeBinding === undefined ? {} : { nativeBinding: data.nativeBinding }) });
// As the core's own connection reads (store/pragmas.ts): the family walk visits the table out of its order.
db.pragma('mmap_size = 268435456');
db.pragma('cache_size = -65536');
const read = rosterRangeReader(db, data.query, new Set(data.details));
const answer = (message: RosterThreadAnswer) => port.postMessage(message);

port.on('message', (message: unknown) => {
  const request = rosterThreadRequest.parse(message);
  try {
    const records = read(request.after, request.through);
    answer({ type: 'rows', index: request.index, text: csvRows(records, data.columns, data.recordEnd), rows: records.length });
  } catch (error) {
    // The name and message only: a store error never holds member data, and a stack would not clone.
    answer({ type: 'failed', index: request.index, name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error) });
  }
});
