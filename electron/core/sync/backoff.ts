/**
 * Exponential back-off with jitter for an unreachable plan service: about 1, 2, 4 … seconds, capped
 * at a minute, each delay drawn from its upper half so many desktops coming back after an outage do
 * not all knock at once. `reset` after a success or when the user asks to sync now.
 */
export class Backoff {
  private failures = 0;

  constructor(
    private readonly baseMs = 1000,
    private readonly capMs = 60_000,
    private readonly random: () => number = Math.random,
  ) {}

  /** The delay before the next attempt, counting this failure. */
  next(): number {
    const ceiling = Math.min(this.capMs, this.baseMs * 2 ** Math.min(this.failures, 30));
    this.failures++;
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  reset(): void {
    this.failures = 0;
  }

  get attempts(): number {
    return this.failures;
  }
}
