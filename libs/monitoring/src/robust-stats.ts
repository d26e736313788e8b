/**
 * Robust location and scale (Iglewicz & Hoaglin's modified z-score): a few wild days do not move the
 * median or the median absolute deviation (MAD) the way they move a mean and a standard deviation.
 */

/** 0.6745 = the 0.75 quantile of the standard normal: MAD / 0.6745 estimates σ for normal data. */
export const MAD_TO_SIGMA = 0.6745;
/** √(π/2): mean absolute deviation × 1.2533 estimates σ; used when more than half the values equal the median (MAD 0). */
export const MEAN_AD_TO_SIGMA = 1.253314;

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export interface RobustBaseline {
  median: number;
  mad: number;
  /** The σ estimate the score divides by: MAD / 0.6745, else 1.2533 × mean absolute deviation, else 0 (all values equal). */
  scale: number;
  method: 'mad' | 'mean_ad' | 'constant';
}

export function robustBaseline(values: readonly number[]): RobustBaseline {
  const med = median(values);
  const deviations = values.map((v) => Math.abs(v - med));
  const mad = median(deviations);
  if (mad > 0) return { median: med, mad, scale: mad / MAD_TO_SIGMA, method: 'mad' };
  const meanAd = deviations.reduce((s, d) => s + d, 0) / deviations.length;
  if (meanAd > 0) return { median: med, mad, scale: MEAN_AD_TO_SIGMA * meanAd, method: 'mean_ad' };
  return { median: med, mad, scale: 0, method: 'constant' };
}

/**
 * 0.6745 (x − median) / MAD. Against a constant history any other value is infinitely far
 * (±Infinity) and the median itself scores 0.
 */
export function robustZ(x: number, b: RobustBaseline): number {
  if (b.scale > 0) return (x - b.median) / b.scale;
  return x === b.median ? 0 : x > b.median ? Infinity : -Infinity;
}

/** The range a value may take without being flagged: median ± k·σ̂. */
export function expectedRange(b: RobustBaseline, k: number): { low: number; high: number } {
  return { low: b.median - k * b.scale, high: b.median + k * b.scale };
}
