import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const preload = path.join(import.meta.dirname, 'host-clock.cjs');

// What a program run with the preload reads as the time, in its main thread and in a worker thread.
const probe = `
const { Worker } = require('node:worker_threads');
const main = { now: Date.now(), made: new Date().toISOString(), given: new Date(0).toISOString(), isDate: new Date() instanceof Date };
const worker = new Worker("require('node:worker_threads').parentPort.postMessage({ now: Date.now(), at: new Date() })", { eval: true });
worker.once('message', (fromWorker) => {
  console.log(JSON.stringify({ main, worker: { now: fromWorker.now, isDate: fromWorker.at instanceof Date } }));
  worker.terminate();
});
`;

function run(start: string, anchor: number): { main: { now: number; made: string; given: string; isDate: boolean }; worker: { now: number; isDate: boolean } } {
  const out = execFileSync(process.execPath, ['--require', preload, '-e', probe], { env: { ...process.env, GROUPDESK_CLOCK_START: start, GROUPDESK_CLOCK_ANCHOR: String(anchor) }, encoding: 'utf8' });
  return JSON.parse(out) as ReturnType<typeof run>;
}

describe('the fixed host clock', () => {
  it('starts at the given instant in the main thread and in worker threads, and dates given explicitly are kept', () => {
    const seen = run('2026-03-02T09:00:00Z', Date.now());
    const start = Date.parse('2026-03-02T09:00:00Z');
    // Sixty times slower than real time: a run of under a minute moves it by less than a second.
    expect(seen.main.now - start).toBeGreaterThanOrEqual(0);
    expect(seen.main.now - start).toBeLessThan(1000);
    expect(seen.main.made.slice(0, 16)).toBe('2026-03-02T09:00');
    expect(seen.main.given).toBe('1970-01-01T00:00:00.000Z');
    expect(seen.worker.now).toBeGreaterThanOrEqual(seen.main.now);
    expect(seen.worker.now - start).toBeLessThan(1000);
    expect(seen.main.isDate && seen.worker.isDate).toBe(true);
  });

  it('runs sixty times slower than real time from the shared anchor', () => {
    // An anchor an hour back: one minute has passed on the clock.
    const seen = run('2026-03-02T09:00:00Z', Date.now() - 3_600_000);
    expect(new Date(seen.main.now).toISOString().slice(0, 16)).toBe('2026-03-02T09:01');
  });

  it('refuses to start without its settings', () => {
    expect(() => execFileSync(process.execPath, ['--require', preload, '-e', ''], { env: { ...process.env, GROUPDESK_CLOCK_START: '' }, stdio: 'pipe' })).toThrow(/GROUPDESK_CLOCK_START/);
  });
});
