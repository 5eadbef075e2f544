import type { ImportRow } from '../import-row';
import type { X12FileFacts } from '../x12-file-facts';
import { X12Envelope834 } from './x12-834-envelope';
import { X12EnvelopeError, X12SegmentSplitter } from './x12-segment-splitter';

/** The members of an 834 as import rows, and what the envelopes and syntax came to. */
export interface Read834 extends AsyncIterable<ImportRow> {
  /**
   * Filled while the rows are read, complete once the iteration ends: the interchange, its groups
   * and transaction sets with their syntax errors, for the 999 (`writeAcknowledgment999`), and the
   * interchange errors a 999 cannot carry. A file that fails here is rejected whatever its rows say.
   */
  readonly facts: X12FileFacts;
}

/**
 * Reads an 834 as it streams: the text is split on the segment terminator the ISA names, and each
 * member's row is yielded as soon as its loop closes (at the next INS or the SE), so memory stays
 * flat however long the file. Rows carry their INS segment's position counted from the ST (ST = 1).
 */
export function read834(input: NodeJS.ReadableStream | AsyncIterable<string | Uint8Array>): Read834 {
  const facts: X12FileFacts = { interchange: null, groups: [], interchangeErrors: [] };
  return { facts, [Symbol.asyncIterator]: () => readRows(input as AsyncIterable<string | Uint8Array>, facts) };
}

async function* readRows(input: AsyncIterable<string | Uint8Array>, facts: X12FileFacts): AsyncGenerator<ImportRow> {
  const splitter = new X12SegmentSplitter();
  const decoder = new TextDecoder('utf-8');
  const envelope = new X12Envelope834(facts);
  try {
    for await (const chunk of input) {
      const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
      yield* segmentsToRows(splitter.push(text), splitter, envelope);
    }
    yield* segmentsToRows(splitter.push(decoder.decode()), splitter, envelope);
    const rest = splitter.end();
    if (rest !== '') facts.interchangeErrors.push({ note: '023', message: 'The file ends in the middle of a segment (text after the last segment terminator)' });
    yield* envelope.end();
  } catch (error) {
    if (!(error instanceof X12EnvelopeError)) throw error;
    facts.interchangeErrors.push({ note: error.note, message: error.message });
  }
}

function* segmentsToRows(segments: string[][], splitter: X12SegmentSplitter, envelope: X12Envelope834): Generator<ImportRow> {
  const delimiters = splitter.delimiters;
  if (delimiters === null) return;
  for (const elements of segments) yield* envelope.take(elements, delimiters);
}
