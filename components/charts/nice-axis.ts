/*
 * A value axis with round numbers: the charts' y axes (SPC and funnel, interactive and static) all take their domain
 * and ticks from niceTicks, so that they read "70%, 80%, 90%" rather than "74.5%, 82.1%", and agree with each other.
 * Pure (no recharts), so that the light chart code can use it.
 */

/**
 * Round steps, as multiples of a power of ten: 1, 2 and 5 (then 10, the next power's 1). Not 2.5: its ticks would
 * need a decimal place more than the step's power (7.5 by 2.5), which the charts' one-decimal values do not show.
 */
const MULTIPLES = [1, 2, 5] as const;

export interface NiceAxis {
  /** From the first tick to the last: covers every value given. */
  domain: [number, number];
  /** Evenly spaced round numbers, from one end of the domain to the other. */
  ticks: number[];
}

/** `multiple × 10^power` as a double without float noise (0.7, not 0.7000000000000001). */
function scaled(multiple: number, power: number): number {
  return power >= 0 ? multiple * 10 ** power : multiple / 10 ** -power;
}

/**
 * The round ticks, at most `count` of them, around the values from `min` to `max`: the smallest round step (1, 2 or
 * 5 × 10^n) whose multiples around the values number at most `count`. The domain runs from the last
 * multiple at or below `min` to the first at or above `max`, so it never reaches below zero for values that are not
 * negative. E.g. 101.6–705.2 → 0, 200 … 800; 0.745–1.049 → 0.7, 0.8 … 1.1.
 */
export function niceTicks(min: number, max: number, count = 6): NiceAxis {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { domain: [0, 1], ticks: [0, 1] };
  let low = Math.min(min, max);
  let high = Math.max(min, max);
  if (low === high) {
    // One value: a span around it, not below zero for a value that is not negative (0 alone: 0 to 1).
    const half = Math.abs(low) / 10 || 0.5;
    low = low >= 0 ? Math.max(0, low - half) : low - half;
    high = low === 0 && high === 0 ? 1 : high + half;
  }
  const most = Math.max(2, Math.floor(count));
  let power = Math.floor(Math.log10((high - low) / (most - 1)));
  // The first step with few enough ticks is within two powers of ten of the rough step; the loop ends there.
  for (;;) {
    for (const multiple of MULTIPLES) {
      // Whole units of a step (an integer times 10^power) keep the arithmetic exact.
      const first = Math.floor(low / scaled(multiple, power) + 1e-9);
      const last = Math.ceil(high / scaled(multiple, power) - 1e-9);
      if (last - first + 1 <= most) {
        const ticks = Array.from({ length: last - first + 1 }, (_, i) =>
          scaled((first + i) * multiple, power),
        );
        return { domain: [ticks[0] ?? low, ticks[ticks.length - 1] ?? high], ticks };
      }
    }
    power += 1;
  }
}
