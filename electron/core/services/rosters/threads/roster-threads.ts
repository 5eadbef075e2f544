import type { Database } from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { nativeBindingOptions } from '../../../store/open-store';
import { statement } from '../../../store/statements';
import { firstKey, type RosterAsOfQuery, type SubscriberKey } from '../roster-as-of';
import type { CsvChunk } from '../writers/csv-writer';
import { rosterThreadAnswer, type RosterThreadData, type RosterThreadRequest } from './roster-thread-protocol';

/** Families per range a thread reads: as many as the one-thread reader's chunk. */
const familiesPerRange = 1000;

/** Requests each thread has in hand at once: one to read while the other's answer travels. */
const requestsPerThread = 2;

/**
 * Below this many members a download is read on the core's own thread: starting threads and
 * opening their connections costs more than they save.
 */
export const threadedFromMembers = 20_000;

/**
 * Threads for one download: one per core, at most four. The calling thread only writes: reading a
 * share of the ranges there too measured slower on two cores than leaving it to two threads.
 */
export const rosterThreadCount = (): number => Math.min(4, availableParallelism());

/**
 * The bundled thread script beside the bundled core or roster command line (out/core, out/roster).
 * Run from source (tests, benches) there is none unless one is built, and a build that lost it
 * must still download: then a roster is read on the calling thread, as small rosters always are.
 */
export function bundledRosterThreadScript(): string | null {
  const bundled = typeof __dirname === 'string' && ['core', 'roster'].includes(path.basename(__dirname)) && path.basename(path.dirname(__dirname)) === 'out';
  const script = bundled ? path.join(__dirname, 'roster-thread.cjs') : null;
  return script !== null && existsSync(script) ? script : null;
}

/**
 * The ranges of families a roster is read in, one after another: each ends at the thousandth
 * subscriber after the previous one's end (the last at the end of the group), so the ranges are a
 * partition of the subscribers' key order and every family falls in exactly one, whichever thread
 * reads it and whenever (a subscriber added meanwhile too). Each end is one seek and a walk of a
 * thousand entries of subscribers_by_last_name in SQLite, and only the key found comes out: the
 * first range is ready at once, and no list of them is kept.
 */
export function* rosterRanges(db: Database, groupNumber: string): Generator<RosterThreadRequest> {
  const nextEnd = statement(
    db,
    `SELECT last_name_key, first_name_key, member_id FROM members
      WHERE group_number = @group AND relationship = 'subscriber' AND (last_name_key, first_name_key, member_id) > (@last, @first, @id)
      ORDER BY last_name_key, first_name_key, member_id LIMIT 1 OFFSET ${familiesPerRange - 1}`,
  ).raw();
  let after = firstKey;
  for (let index = 0; ; index += 1) {
    const through = (nextEnd.get({ group: groupNumber, last: after[0], first: after[1], id: after[2] }) as SubscriberKey | undefined) ?? null;
    yield { index, after, through };
    if (through === null) return;
    after = through;
  }
}

export interface RosterThreadsOptions {
  db: Database;
  script: string;
  threads: number;
  query: RosterAsOfQuery;
  data: Omit<RosterThreadData, 'file' | 'nativeBinding' | 'query'>;
  signal: AbortSignal;
}

/**
 * The roster's CSV rows, range by range in roster order, read by `threads` threads at once, each
 * range by one of them in turn. At most `requestsPerThread` ranges per thread are asked ahead of the
 * one being written, so however fast they read, a few ranges' text is all that waits in memory. The
 * threads start when the first chunk is asked for, and stop when the iteration ends, fails or is
 * cancelled: a caller that never iterates (its file could not be opened) leaves none behind.
 */
export async function* csvChunksInThreads(options: RosterThreadsOptions): AsyncGenerator<CsvChunk> {
  const { db, signal, query } = options;
  const workerData: RosterThreadData = { ...options.data, file: db.name, ...nativeBindingOptions(), query };
  const threads = Array.from({ length: options.threads }, () => new RosterThread(options.script, workerData));
  const asked: Promise<CsvChunk>[] = [];
  try {
    const ranges = rosterRanges(db, query.groupNumber);
    const ask = () => {
      const range = ranges.next();
      if (range.done === true) return;
      const answer = (threads[range.value.index % threads.length] as RosterThread).read(range.value);
      // Awaited in order below; a range that fails after a cancel must not be an unhandled rejection.
      answer.catch(() => undefined);
      asked.push(answer);
    };
    for (let index = 0; index < threads.length * requestsPerThread; index += 1) ask();
    for (let answer = asked.shift(); answer !== undefined; answer = asked.shift()) {
      const chunk = await answer;
      signal.throwIfAborted();
      ask();
      yield chunk;
    }
  } finally {
    await Promise.all(threads.map((thread) => thread.stop()));
  }
}

/** One reading thread and the answers it owes, in the order asked (a thread reads its requests in turn). */
class RosterThread {
  private readonly worker: Worker;
  private readonly owed = new Map<number, { resolve: (chunk: CsvChunk) => void; reject: (error: Error) => void }>();
  private failure: Error | null = null;

  constructor(script: string, workerData: RosterThreadData) {
    // A bundle needs none of the parent's loader flags (a bench or test under tsx would start tsx again per thread).
    this.worker = new Worker(script, { workerData, execArgv: [] });
    this.worker.on('message', (message: unknown) => {
      const parsed = rosterThreadAnswer.safeParse(message);
      if (!parsed.success) return this.fail(new Error('A roster thread answered something it should not.'));
      const answer = parsed.data;
      const owed = this.owed.get(answer.index);
      this.owed.delete(answer.index);
      if (answer.type === 'rows') owed?.resolve({ text: answer.text, rows: answer.rows });
      else owed?.reject(Object.assign(new Error(answer.message), { name: answer.name }));
    });
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', () => this.fail(new Error('A roster thread stopped before it had read its part of the roster.')));
  }

  read(request: RosterThreadRequest): Promise<CsvChunk> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.owed.set(request.index, { resolve, reject });
      this.worker.postMessage(request);
    });
  }

  async stop(): Promise<void> {
    this.failure ??= new Error('The roster threads were stopped.');
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const owed of this.owed.values()) owed.reject(error);
    this.owed.clear();
  }
}
