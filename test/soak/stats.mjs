// The soak test's arithmetic: percentiles of a window, a least-squares line through RSS samples,
// and the pass/fail criteria with their thresholds (stated once, here, and printed in SOAK.md).
import { percentile } from '../bench/lib.mjs';

export const CRITERIA = {
  /** Memory: RSS may grow at most this fraction over the second half (fitted line, and last sample vs the midpoint sample). */
  memoryGrowthMax: 0.1,
  /** p99 of the last quarter ≤ max(factor × p99 of the second quarter, second quarter + floor ms). */
  p99Factor: 1.5,
  p99FloorMs: 20,
};

export const p50 = (xs) => percentile(xs, 50);
export const p99 = (xs) => percentile(xs, 99);

/** Least-squares fit y = a + b·x; returns {slope, intercept, at(x)}. */
export function linearFit(points) {
  const n = points.length;
  if (n < 2) return { slope: NaN, intercept: NaN, at: () => NaN };
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const slope = sxx ? sxy / sxx : NaN;
  const intercept = my - slope * mx;
  return { slope, intercept, at: (x) => intercept + slope * x };
}

/**
 * Memory over the second half of the run: `samples` are {t (s), rssMiB}. Returns the fitted slope
 * (MiB/min), the fitted growth across the half as a fraction of the fitted value at its start, the
 * RSS at the midpoint and at the end, and whether both stay under `memoryGrowthMax`.
 */
export function memoryVerdict(samples, durationS) {
  const half = durationS / 2;
  const second = samples.filter((s) => s.t >= half - 1e-6);
  const fit = linearFit(second.map((s) => ({ x: s.t / 60, y: s.rssMiB })));
  const mid = samples.reduce((best, s) => (Math.abs(s.t - half) < Math.abs(best.t - half) ? s : best), samples[0]);
  const last = samples[samples.length - 1];
  const fittedGrowth = (fit.at(durationS / 60) - fit.at(half / 60)) / fit.at(half / 60);
  const lastToMid = last.rssMiB / mid.rssMiB;
  const ok = second.length >= 2 && fittedGrowth < CRITERIA.memoryGrowthMax && lastToMid < 1 + CRITERIA.memoryGrowthMax;
  return {
    slopeMiBPerMin: fit.slope,
    fittedGrowth,
    midMiB: mid.rssMiB,
    midT: mid.t,
    lastMiB: last.rssMiB,
    lastToMid,
    points: second.length,
    ok,
  };
}

/**
 * p99 stability of one latency series: all samples of the windows whose midpoint lies in the
 * second quarter against those of the last quarter (pooled, not a median of window p99s).
 */
export function p99Verdict(windows, key, durationS) {
  const pool = (from, to) =>
    windows
      .filter((w) => {
        const mid = (w.start + w.end) / 2;
        return mid >= from && mid < to;
      })
      .flatMap((w) => w[key]);
  const q2 = pool(durationS / 4, durationS / 2);
  const q4 = pool((3 * durationS) / 4, durationS + 1);
  const a = p99(q2);
  const b = p99(q4);
  const limit = Math.max(CRITERIA.p99Factor * a, a + CRITERIA.p99FloorMs);
  return { q2: a, q4: b, n2: q2.length, n4: q4.length, limit, ok: q2.length > 0 && q4.length > 0 && b <= limit };
}
