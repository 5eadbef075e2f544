import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { pipeline } from 'node:stream/promises';
import type { Backend } from '../../server/src/store/db';
import { addLateSpouses, seedBillingGroup } from './billing-seed';
import { benchBackends, benchGroupInput, serverModules, startBenchService, type BenchService } from './plan-service-fixture';
import { forkPlanService } from './plan-service-child';
import type { BenchOptions, Benchmark } from './run';

const GROUP = '880003';
const operator = { actorUserId: 'ops:bench', sessionId: null, ip: null };
/** The months billed: coverage from January, June issued on May 15th, July on June 15th. */
const COVERED_FROM = '2026-01-01';
const FIRST = { periodStart: '2026-06-01', issuedOn: '2026-05-15', at: new Date('2026-05-15T12:00:00Z') };
const SECOND = { periodStart: '2026-07-01', issuedOn: '2026-06-15', at: new Date('2026-06-15T12:00:00Z') };
const LATE_SPOUSES_AT = new Date('2026-06-10T12:00:00Z');
/** When the group was loaded: months before the first invoice, so its members count as changed before it. */
const SEEDED_AT = new Date('2025-12-15T12:00:00Z');

const round = (ms: number): number => Math.round(ms * 10) / 10;
const mib = (bytes: number): number => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** Members of the group billed (BENCH_BILLING_MEMBERS for another size); smoke proves it runs. */
function issueSize(options: BenchOptions): number {
  return options.smoke ? 500 : Number(process.env.BENCH_BILLING_MEMBERS ?? 250_000);
}

/** The group sizes whose PDFs are compared: memory that grows with the group would show between them. */
function pdfSizes(options: BenchOptions): number[] {
  return options.smoke ? [500] : [25_000, 250_000];
}

async function seeded(backend: Backend, members: number, dataDir?: string): Promise<{ bench: BenchService; members: number; subscribers: number }> {
  const bench = await startBenchService(backend, benchGroupInput(GROUP), dataDir);
  try {
    const seed = await seedBillingGroup(bench.service.db, GROUP, members, COVERED_FROM, SEEDED_AT);
    return { bench, ...seed };
  } catch (error) {
    await bench.close();
    throw error;
  }
}

/**
 * Time to issue a large group's invoice in-process (no HTTP: an operator or the billing cycle
 * issues), seeded in SQL: first the month of a group never invoiced (a line per family), then the
 * next month after one single subscriber in fifty married back into the first (plus an adjustment each).
 */
async function issueLargeInvoice(backend: Backend, options: BenchOptions): Promise<Record<string, unknown>> {
  const { issueInvoice } = await serverModules();
  const { bench, members, subscribers } = await seeded(backend, issueSize(options));
  try {
    const db = bench.service.db;
    let started = performance.now();
    const first = await issueInvoice(db, { groupNumber: GROUP, periodStart: FIRST.periodStart, issuedOn: FIRST.issuedOn }, operator, FIRST.at);
    const firstMs = performance.now() - started;
    if (first.lineCount !== subscribers) throw new Error(`Billed ${first.lineCount} families of ${subscribers}`);
    const married = await addLateSpouses(db, GROUP, FIRST.periodStart, LATE_SPOUSES_AT);
    started = performance.now();
    const second = await issueInvoice(db, { groupNumber: GROUP, periodStart: SECOND.periodStart, issuedOn: SECOND.issuedOn }, operator, SECOND.at);
    const secondMs = performance.now() - started;
    if (second.adjustments.length !== married) throw new Error(`${second.adjustments.length} adjustments for ${married} late spouses`);
    return { backend, n: members, lines: first.lineCount, ms: round(firstMs), next_month_ms: round(secondMs), next_month_adjustments: second.adjustments.length };
  } finally {
    await bench.close();
  }
}

/**
 * A sink that counts bytes and PDF page objects (`/Type /Page`, not `/Pages`) as they stream past,
 * and calls `atPage` once the page count reaches `page`.
 */
function pdfSink(page: number, atPage: () => void): { sink: Writable; bytes: () => number; pages: () => number; ending: () => string } {
  let bytes = 0;
  let pages = 0;
  // The previous chunk's last bytes, so a marker cut in two is still seen. A marker counts once the
  // character after it has arrived (it tells /Page from /Pages), and so in exactly one chunk.
  let carry = '';
  const marker = /\/Type \/Page(?!s)/g;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      const text = carry + chunk.toString('latin1');
      for (const match of text.matchAll(marker)) {
        const next = match.index + match[0].length;
        if (next < text.length && next >= carry.length && ++pages === page) atPage();
      }
      carry = text.slice(-16);
      done();
    },
  });
  return { sink, bytes: () => bytes, pages: () => pages, ending: () => carry };
}

/** One PDF download of a group of `size` members: its time, size, pages, and the service's RSS growth meanwhile. */
async function pdfOfGroup(backend: Backend, size: number): Promise<Record<string, number>> {
  const folder = await mkdtemp(path.join(tmpdir(), 'groupdesk-bench-billing-'));
  const { issueInvoice } = await serverModules();
  const { bench, members } = await seeded(backend, size, backend === 'pglite' ? path.join(folder, 'db') : undefined);
  let released = false;
  try {
    const issued = await issueInvoice(bench.service.db, { groupNumber: GROUP, periodStart: FIRST.periodStart, issuedOn: FIRST.issuedOn }, operator, FIRST.at);
    const invoiceNumber = issued.invoice.invoiceNumber;
    await bench.closeService();
    released = true;
    const service = await forkPlanService(bench);
    try {
      const url = `${service.url}/v1/groups/${GROUP}/invoices/${invoiceNumber}/pdf`;
      const headers = { authorization: `Bearer ${bench.token}` };
      // The first page of a download, then hang up: pdfkit and its fonts load before the baseline is taken.
      const warm = await fetch(url, { headers });
      const reader = warm.body?.getReader();
      await reader?.read();
      await reader?.cancel();
      const baseline = await service.ask({ type: 'mark' });
      const started = performance.now();
      const response = await fetch(url, { headers });
      if (response.status !== 200 || !response.body) throw new Error(`The PDF answered ${response.status}`);
      // Near the end of the document, while the service still writes it: what it holds then is what
      // a download of this size costs it (after the download it has let go of everything).
      const expectedPages = 1 + Math.ceil(issued.lineCount / 40) + 1;
      let midway: Promise<{ heapAfterGc: number }> | undefined;
      const out = pdfSink(Math.floor(expectedPages * 0.9), () => {
        midway = service.ask({ type: 'peak' });
      });
      await pipeline(Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), out.sink);
      const ms = performance.now() - started;
      const held = await midway;
      if (!held) throw new Error(`The PDF had ${out.pages()} pages; its lines need ${expectedPages}`);
      const after = await service.ask({ type: 'peak' });
      if (!out.ending().includes('%%EOF')) throw new Error('The PDF ended before its trailer');
      return { n: members, lines: issued.lineCount, ms: round(ms), bytes: out.bytes(), pages: out.pages(), rss_before_mib: mib(baseline.rss), rss_growth_mib: mib(after.peak - baseline.rss), heap_held_mib: mib(held.heapAfterGc - baseline.heapAfterGc) };
    } finally {
      await service.stop();
    }
  } finally {
    if (released) await bench.dispose();
    else await bench.close();
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * The invoice PDF streamed over HTTP to a sink that keeps nothing, from a plan service in its own
 * process, at each size: flat memory means the RSS growth stays the same from one size to the next.
 */
async function streamLargePdf(backend: Backend, options: BenchOptions): Promise<Record<string, unknown>> {
  const runs: Record<string, number>[] = [];
  for (const size of pdfSizes(options)) runs.push(await pdfOfGroup(backend, size));
  const largest = runs[runs.length - 1] ?? {};
  return { backend, ...largest, runs };
}

export const benchmarks: Benchmark[] = benchBackends().flatMap((backend) => [
  { name: 'billing-issue', run: (options: BenchOptions) => issueLargeInvoice(backend, options) },
  { name: 'billing-pdf', run: (options: BenchOptions) => streamLargePdf(backend, options) },
]);
