/**
 * Small numeric helpers shared by the SPC and funnel code: an accurate mean (as R computes it), R's type-7
 * quantile and average ranks. Pure and dependency-free.
 */

/** Compensated (Neumaier) sum: exact to within one rounding for any ordering of the terms. */
export function accurateSum(values: readonly number[]): number {
  let sum = 0;
  let compensation = 0;
  for (const value of values) {
    const t = sum + value;
    if (Math.abs(sum) >= Math.abs(value)) compensation += sum - t + value;
    else compensation += value - t + sum;
    sum = t;
  }
  return sum + compensation;
}

/**
 * Arithmetic mean, computed like R's `mean()` (an extended-precision sum, then one refinement pass), so that
 * values lying exactly on the mean compare equal to it. NaN for an empty list.
 */
export function mean(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  let m = accurateSum(values) / n;
  if (Number.isFinite(m)) m += accurateSum(values.map((value) => value - m)) / n;
  return m;
}

/** Sample quantile, R's default type 7 (`quantile(x, p)`), reproducing R's floating-point steps. */
export function quantileType7(values: readonly number[], p: number): number {
  const x = [...values].sort((a, b) => a - b);
  const n = x.length;
  if (n === 0) return Number.NaN;
  const index = 1 + Math.max(n - 1, 0) * p; // 1-based, as in R
  const lo = Math.floor(index);
  const hi = Math.ceil(index);
  const qs = x[lo - 1] as number;
  const xHi = x[hi - 1] as number;
  if (index > lo && xHi !== qs) {
    const h = index - lo;
    return (1 - h) * qs + h * xHi;
  }
  return qs;
}

/** Ranks with ties averaged (R's `rank(x, ties.method = "average")`), 1-based. */
export function averageRanks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value);
  const ranks = new Array<number>(values.length);
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (
      j + 1 < order.length &&
      (order[j + 1] as { value: number }).value === (order[i] as { value: number }).value
    ) {
      j++;
    }
    const rank = (i + 1 + j + 1) / 2;
    for (let k = i; k <= j; k++) ranks[(order[k] as { index: number }).index] = rank;
    i = j + 1;
  }
  return ranks;
}

/** Sign of a number as -1, 0 or 1. */
export function sign(value: number): -1 | 0 | 1 {
  return value > 0 ? 1 : value < 0 ? -1 : 0;
}
