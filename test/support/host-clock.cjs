'use strict';

/*
 * Preloaded (`node --require`) into a browser host whose clock a test or the tutorial images fix
 * (test/e2e/browser-host.ts, `clockStart`). Node runs `--require` modules in worker threads too, so the host,
 * its core and the embedded plan service all read this one clock: it starts at
 * GROUPDESK_CLOCK_START (an ISO instant) at the real instant GROUPDESK_CLOCK_ANCHOR (epoch ms, the
 * same for every thread) and then runs sixty times slower than real time. Every write is still
 * ordered after the last, as the core and the plan service need, while a whole walk through the app
 * stays within the minute the screens show, so the same walk shows the same times on any day.
 * Timers are untouched: only what reads the date sees the fixed one.
 */
const RealDate = Date;
const start = RealDate.parse(process.env.GROUPDESK_CLOCK_START ?? '');
const anchor = Number(process.env.GROUPDESK_CLOCK_ANCHOR);
if (Number.isNaN(start) || Number.isNaN(anchor)) throw new Error('host-clock needs GROUPDESK_CLOCK_START (ISO instant) and GROUPDESK_CLOCK_ANCHOR (epoch ms)');
const realNow = RealDate.now;
const now = () => start + Math.floor((realNow() - anchor) / 60);

// A proxy rather than a subclass: dates made before the swap, or handed over from another thread,
// are still `instanceof Date`, and the prototype stays the real one.
globalThis.Date = new Proxy(RealDate, {
  construct: (target, args, newTarget) => Reflect.construct(target, args.length === 0 ? [now()] : args, newTarget),
  apply: () => new RealDate(now()).toString(),
  get: (target, key) => (key === 'now' ? now : Reflect.get(target, key)),
});
