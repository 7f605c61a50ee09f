/** Small statistics for the benchmark: rounding, quantiles and medians. */

/** Milliseconds as seconds, to the millisecond. */
export const seconds = (ms: number) => Math.round(ms) / 1000;
/** `x` rounded to `digits` decimals (default 3). */
export const round = (x: number, digits = 3) => Math.round(x * 10 ** digits) / 10 ** digits;

/** The value below which `q` (0–1) of the sorted values lie (nearest rank). */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}
/** The median (nearest rank). */
export const median = (values: number[]) => quantile(values, 0.5);

/**
 * Median and 95th percentile of `fn`'s run time in ms, after five warm-up runs; runs at least `minRuns` times and
 * for at least `minMs` milliseconds.
 */
export function timeRuns(
  fn: () => void,
  minRuns: number,
  minMs: number,
): { medianMs: number; p95Ms: number; runs: number } {
  for (let i = 0; i < 5; i++) fn();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < minRuns || performance.now() - started < minMs) {
    const t = performance.now();
    fn();
    samples.push(performance.now() - t);
  }
  return { medianMs: round(quantile(samples, 0.5)), p95Ms: round(quantile(samples, 0.95)), runs: samples.length };
}
