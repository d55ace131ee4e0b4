import type { PointType, SpcResult } from '@/lib/shared/stats';
import { niceTicks } from './nice-axis';

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
  /** y-axis domain covering values, means, limits and target, from one round tick to another. */
  domain: [number, number];
  /** The y axis' round ticks (see niceTicks), spanning the domain. */
  ticks: number[];
}

/** At most this many ticks on an SPC chart's value axis: round steps a row of weeks can be read against. */
const SPC_TICKS = 6;

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
    for (const value of [point.y, point.mean, clamp(point.upl), clamp(point.lpl)])
      if (value !== null) values.push(value);
    return row;
  });
  if (result.target !== null) values.push(result.target);
  const { domain, ticks } = values.length
    ? niceTicks(Math.min(...values), Math.max(...values), SPC_TICKS)
    : niceTicks(0, 1, SPC_TICKS);
  return {
    rows,
    groups,
    rebaseAt: result.groups.slice(1).map((group) => String(group.from)),
    target: result.target,
    domain,
    ticks,
  };
}

/** An ISO date (yyyy-mm-dd) as dd/mm/yy, for an SPC chart's axis, tooltip and table. */
export function formatShortDate(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(2, 4)}`;
}
