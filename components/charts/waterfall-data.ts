export interface WaterfallItem {
  label: string;
  value: number;
}

export interface WaterfallBar {
  label: string;
  /** Invisible part of the stacked bar that lifts the step to where the previous one ended. */
  base: number;
  value: number;
  isTotal: boolean;
}

/** Steps of a waterfall, largest first (items at or below zero left out), then the total. */
export function toWaterfallBars(items: readonly WaterfallItem[], totalLabel = 'Total'): WaterfallBar[] {
  const steps = items.filter((item) => item.value > 0).sort((a, b) => b.value - a.value);
  let running = 0;
  const bars = steps.map((item) => {
    const bar = { label: item.label, base: running, value: item.value, isTotal: false };
    running += item.value;
    return bar;
  });
  return [...bars, { label: totalLabel, base: 0, value: running, isTotal: true }];
}
