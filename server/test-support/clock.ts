/** The service clock for tests: a fixed start that runs on in real time, moved by `advance` and `set`. */
export interface TestClock {
  now: () => Date;
  advance(ms: number): void;
  /** Moves the clock so that it reads `instant` now (and runs on from there). */
  set(instant: Date | string): void;
}

/**
 * Where every test service's clock starts: a fixed day, not the machine's, so rules that count days
 * and months (retro windows, waiting periods, invoice periods, generated hire dates) meet the same
 * calendar on every run. In the afternoon UTC, where the plan's day (UTC) is already the next day
 * at UTC+14, as it is for some users.
 */
export const TEST_START = '2026-11-27T15:00:00.000Z';

export function testClock(start: Date | string = TEST_START): TestClock {
  let offset = new Date(start).getTime() - Date.now();
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => void (offset += ms),
    set: (instant) => void (offset = new Date(instant).getTime() - Date.now()),
  };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
