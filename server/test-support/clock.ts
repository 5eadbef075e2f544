/** The service clock for tests: real time plus an offset that `advance` moves forward. */
export interface TestClock {
  now: () => Date;
  advance(ms: number): void;
  /** Moves the clock so that it reads `instant` now (and runs on from there). */
  set(instant: Date | string): void;
}

export function testClock(): TestClock {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance: (ms) => void (offset += ms),
    set: (instant) => void (offset = new Date(instant).getTime() - Date.now()),
  };
}

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
