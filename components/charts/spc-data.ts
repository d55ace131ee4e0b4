import type { PointType, SpcResult } from '@/lib/shared/stats';

/** One x position of an SPC chart, flat for recharts: `mean0`, `upl0`, `lpl0` … per rebase group, so that the
 * lines break where the process was rebased. */
export interface SpcChartRow {
  x: string;
  y: number | null;
  pointType: PointType | null;
  target: number | null;
  [groupKey: `${'mean' | 'upl' | 'lpl'}${number}`]: number | null;
}

export interface SpcChartData {
  rows: SpcChartRow[];
  groups: number[];
  /** x values where a new group starts (drawn as vertical breaks). */
  rebaseAt: string[];
  target: number | null;
  /** y-axis domain covering values, limits and target. */
  domain: [number, number];
}

/**
 * Shapes an SPC result for the chart. `floor` clamps the process limits (e.g. 0 for counts, which cannot be
 * negative: a negative lower limit is drawn at zero).
 */
export function toSpcChartData(result: SpcResult, { floor }: { floor?: number } = {}): SpcChartData {
  const clamp = (value: number | null) =>
    value === null || floor === undefined ? value : Math.max(floor, value);
  const groups = [...new Set(result.points.map((point) => point.rebaseGroup))];
  const values: number[] = [];
  const rows = result.points.map((point) => {
    const row: SpcChartRow = {
      x: String(point.x),
      y: point.y,
      pointType: point.pointType,
      target: result.target,
    };
    for (const group of groups) {
      const inGroup = point.rebaseGroup === group;
      row[`mean${group}`] = inGroup ? point.mean : null;
      row[`upl${group}`] = inGroup ? clamp(point.upl) : null;
      row[`lpl${group}`] = inGroup ? clamp(point.lpl) : null;
    }
    for (const value of [point.y, clamp(point.upl), clamp(point.lpl)]) if (value !== null) values.push(value);
    return row;
  });
  if (result.target !== null) values.push(result.target);
  const low = values.length ? Math.min(...values) : 0;
  const high = values.length ? Math.max(...values) : 1;
  const pad = (high - low) * 0.05 || Math.abs(high) * 0.05 || 1;
  return {
    rows,
    groups,
    rebaseAt: result.groups.slice(1).map((group) => String(group.from)),
    target: result.target,
    domain: [Math.max(0, low - pad), high + pad],
  };
}

/** An ISO date (yyyy-mm-dd) as dd/mm/yy, for an SPC chart's axis, tooltip and table. */
export function formatShortDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(2, 4)}`;
}
