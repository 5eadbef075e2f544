import { randomInt } from 'node:crypto';
import type { Random } from '@shared/util/random';
import { exchangeFaults, type Fault, type FaultPolicy } from './fault-proxy';

/**
 * The seeds of a fault suite's runs: FAULT_SEED replays one (the seed a failed run printed);
 * otherwise FAULT_RUNS fresh ones (default `ciRuns`), so each CI run tries new fault sequences.
 */
export function faultSeeds(ciRuns: number, env: NodeJS.ProcessEnv = process.env): number[] {
  const replay = env.FAULT_SEED;
  if (replay !== undefined && replay !== '') {
    const seed = Number(replay);
    if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`FAULT_SEED must be a whole number, not ${JSON.stringify(replay)}`);
    return [seed];
  }
  const runs = env.FAULT_RUNS === undefined || env.FAULT_RUNS === '' ? ciRuns : Number(env.FAULT_RUNS);
  if (!Number.isSafeInteger(runs) || runs < 1) throw new RangeError(`FAULT_RUNS must be a positive whole number, not ${JSON.stringify(env.FAULT_RUNS)}`);
  return Array.from({ length: runs }, () => randomInt(1, 2 ** 31));
}

/**
 * Faults drawn from `random`: each request or stream is hit with probability `rate`, the fault
 * chosen among those that apply to it. A delay costs the client's whole timeout, so it is drawn
 * half as often as the others.
 */
export function seededFaults(random: Random, rate: number): FaultPolicy {
  const weights: (readonly [Fault, number])[] = exchangeFaults.map((fault) => [fault, fault === 'delay' ? 1 : 2] as const);
  return ({ stream }) => {
    if (!random.chance(rate)) return null;
    return stream ? random.pick<Fault>(['drop-stream', 'unavailable']) : random.weighted(weights);
  };
}

/** The next request matching `matches` gets `fault`, once; every other passes. */
export function faultOnce(fault: Fault, matches: (request: { method: string; route: string; stream: boolean }) => boolean): FaultPolicy {
  let spent = false;
  return (request) => {
    if (spent || !matches(request)) return null;
    spent = true;
    return fault;
  };
}
