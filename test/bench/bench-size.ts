/**
 * The member count a run is asked for (`npm run bench -- --members N`) and the scale check of the
 * benchmarks sized by it: at N above the 250,000 members the roster is built for, such a benchmark
 * is also measured at 250,000 in the same run and its time at N may be at most N / 250,000 times
 * that (4 × at a million: linear in the members).
 */
export const BASE_MEMBERS = 250_000;

export type ParsedMembers = { ok: true; members: number | undefined } | { ok: false; message: string };

/** `--members` as typed: absent, or a positive whole number of members (digits only, `1000000`). */
export function parseMembersArg(text: string | undefined): ParsedMembers {
  if (text === undefined) return { ok: true, members: undefined };
  const members = /^[1-9][0-9]*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(members)) return { ok: false, message: `--members must be a positive whole number of members, like --members 1000000 (got "${text}").` };
  return { ok: true, members };
}

/** The figure two sizes are compared on: every benchmark's line has a median. */
function medianOf(figures: Record<string, unknown>): number | null {
  return typeof figures.median_ms === 'number' && Number.isFinite(figures.median_ms) && figures.median_ms > 0 ? figures.median_ms : null;
}

/**
 * The fields a line at `members` adds for its 250,000-member figure: that figure and its size, the
 * ratio of the medians, the limit it is held to and whether it held. A base run that failed or
 * measured nothing cannot be compared with, and the line says so instead of a ratio.
 */
export function scaleFigures(members: number, base: Record<string, unknown> | Error, scaled: Record<string, unknown>): Record<string, unknown> {
  const limit = Math.round((members / BASE_MEMBERS) * 100) / 100;
  if (base instanceof Error) return { scale_base_error: base.message, scale_limit: limit, scale_met: false };
  const baseMs = medianOf(base);
  const scaledMs = medianOf(scaled);
  const baseFigures = { scale_base_members: base.members ?? null, scale_base_median_ms: base.median_ms ?? null, scale_base_n: base.n ?? null };
  if (baseMs === null || scaledMs === null) return { ...baseFigures, scale_base_error: 'no median to compare', scale_limit: limit, scale_met: false };
  const ratio = Math.round((scaledMs / baseMs) * 100) / 100;
  // On a shared machine the wall time also counts waits for a core; where a line has the processor
  // time of the work (`cpu_ms`), its ratio tells how much of the wall ratio is the work's own.
  const cpu = typeof base.cpu_ms === 'number' && typeof scaled.cpu_ms === 'number' && base.cpu_ms > 0 ? { scale_base_cpu_ms: base.cpu_ms, scale_cpu_ratio: Math.round((scaled.cpu_ms / base.cpu_ms) * 100) / 100 } : {};
  return { ...baseFigures, scale_ratio: ratio, ...cpu, scale_limit: limit, scale_met: ratio <= limit };
}
