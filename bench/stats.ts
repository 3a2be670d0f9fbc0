/** Small statistics for the benchmark: medians and quantiles of noisy timings, log-log slopes. */

/** Nearest-rank quantile (q in [0, 1]) of a non-empty sample. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

/** The median; for an even count the mean of the two middle values. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Least-squares slope of log(y) on log(x): 1 when cost grows in proportion to size, 2 when it
 * grows with the square. Points with a non-positive coordinate are left out.
 */
export function logLogSlope(points: ReadonlyArray<{ x: number; y: number }>): number {
  const p = points.filter((q) => q.x > 0 && q.y > 0).map((q) => ({ x: Math.log(q.x), y: Math.log(q.y) }));
  if (p.length < 2) return Number.NaN;
  const mx = p.reduce((a, q) => a + q.x, 0) / p.length;
  const my = p.reduce((a, q) => a + q.y, 0) / p.length;
  let num = 0;
  let den = 0;
  for (const q of p) {
    num += (q.x - mx) * (q.y - my);
    den += (q.x - mx) ** 2;
  }
  return den === 0 ? Number.NaN : num / den;
}

/** Rounds to `digits` significant digits, for a readable results.json. */
export function round(x: number, digits = 3): number {
  if (!Number.isFinite(x) || x === 0) return x;
  return Number(x.toPrecision(digits));
}

/** The deterministic PRNG (mulberry32) the robustness tests use: the same edits and samples on every run. */
export { seeded } from '../test/seeded';
