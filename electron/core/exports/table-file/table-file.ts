/**
 * A table written to a file in one of the formats a user downloads (CSV, Excel, PDF). Rows arrive in
 * batches the caller reads from the database, so a 250,000-row table never sits in memory whole;
 * between batches the writer yields to the event loop, so other calls are answered meanwhile.
 */
export interface TableColumn {
  header: string;
  /** Relative width: characters in Excel, a share of the page's width in a PDF. */
  width: number;
}

export interface TableFile {
  /** The document's title (PDF heading and metadata, Excel sheet name source). */
  title: string;
  /** A line under the title in a PDF: what the table shows and as of when. */
  subtitle: string;
  columns: readonly TableColumn[];
  /** Batches of rows, each cell already in words. */
  batches: Iterable<readonly (readonly string[])[]>;
  /** Stops the writing between batches; the caller's file store then removes the partial file. */
  signal?: AbortSignal;
  /** Called after each batch with the rows written so far. */
  onProgress?: (done: number) => void;
}

export type TableFormat = 'csv' | 'xlsx' | 'pdf';

export const tableContentTypes: Record<TableFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
};

/**
 * The batches as single rows, pausing after each batch: a check for cancellation, the progress
 * report, and a turn of the event loop (setImmediate) so a long export never holds up other calls.
 */
export async function* tableRows(table: TableFile): AsyncGenerator<readonly string[]> {
  let done = 0;
  for (const batch of table.batches) {
    table.signal?.throwIfAborted();
    for (const row of batch) yield row;
    done += batch.length;
    table.onProgress?.(done);
    await new Promise((resolve) => setImmediate(resolve));
  }
  table.signal?.throwIfAborted();
}
