/**
 * Period presets for the dashboards' filters. Pure: every preset ends at the last date the extracts cover (or
 * today in Europe/London, if that is earlier), so a "last 4 weeks" view never shows weeks with no data yet.
 */

export const PERIOD_PRESETS = [
  'last-4-weeks',
  'last-13-weeks',
  'last-month',
  'last-quarter',
  'financial-year',
  'custom',
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_PRESET_LABELS: Record<PeriodPreset, string> = {
  'last-4-weeks': 'Last 4 weeks',
  'last-13-weeks': 'Last 13 weeks',
  'last-month': 'Last month',
  'last-quarter': 'Last quarter',
  'financial-year': 'Financial year to date',
  custom: 'Custom dates',
};

export const ACTIVITY_OPTIONS = ['all', 'clinic', 'list'] as const;
export type ActivityOption = (typeof ACTIVITY_OPTIONS)[number];

export const ACTIVITY_LABELS: Record<ActivityOption, string> = {
  all: 'Clinics and lists',
  clinic: 'Outpatient clinics',
  list: 'Theatre and endoscopy lists',
};

export const DEFAULT_PRESET: PeriodPreset = 'last-13-weeks';

export interface DatePeriod {
  from: string;
  to: string;
}

export interface PeriodFilter {
  preset: PeriodPreset;
  period: DatePeriod;
  activity: ActivityOption;
}

const DAY_MS = 86_400_000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function dayNumber(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function addDays(iso: string, days: number): string {
  return isoOf(dayNumber(iso) + days);
}

export function isIsoDate(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
    ? isoOf(dayNumber(value)) === value
    : false;
}

/** Today's date in Europe/London (the trust's calendar), as yyyy-mm-dd. */
export function todayInLondon(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The date the presets end on: the last covered date, unless today (in London) is earlier. */
export function presetEndDate(lastCoveredDate: string | null, now: Date = new Date()): string {
  const today = todayInLondon(now);
  if (!lastCoveredDate) return today;
  return lastCoveredDate < today ? lastCoveredDate : today;
}

function monthStart(year: number, monthIndex: number): string {
  const date = new Date(Date.UTC(year, monthIndex, 1));
  return date.toISOString().slice(0, 10);
}

function isLastDayOfMonth(iso: string): boolean {
  return addDays(iso, 1).slice(8) === '01';
}

/**
 * The period a preset covers when the data ends on `end`:
 * - last 4 / 13 weeks: the 28 / 91 days ending on `end`;
 * - last month: the last complete calendar month (the month of `end` if `end` is its last day);
 * - last quarter: the last complete quarter (April–June, July–September, October–December, January–March);
 * - financial year: from 1 April of the financial year containing `end` to `end`.
 */
export function presetPeriod(preset: Exclude<PeriodPreset, 'custom'>, end: string): DatePeriod {
  const [year, month] = end.split('-').map(Number) as [number, number];
  switch (preset) {
    case 'last-4-weeks':
      return { from: addDays(end, -27), to: end };
    case 'last-13-weeks':
      return { from: addDays(end, -90), to: end };
    case 'last-month': {
      const monthIndex = month - 1 - (isLastDayOfMonth(end) ? 0 : 1);
      const from = monthStart(year, monthIndex);
      return { from, to: addDays(monthStart(year, monthIndex + 1), -1) };
    }
    case 'last-quarter': {
      const quarterStartMonth = Math.floor((month - 1) / 3) * 3;
      const quarterEnd = addDays(monthStart(year, quarterStartMonth + 3), -1);
      const startMonth = quarterEnd === end ? quarterStartMonth : quarterStartMonth - 3;
      return { from: monthStart(year, startMonth), to: addDays(monthStart(year, startMonth + 3), -1) };
    }
    case 'financial-year': {
      const startYear = month >= 4 ? year : year - 1;
      return { from: `${startYear}-04-01`, to: end };
    }
  }
}

/** The same period some years earlier (29 February becomes 28 February). */
export function yearsEarlier(period: DatePeriod, years = 1): DatePeriod {
  const shift = (iso: string) => {
    const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
    const lastDay = new Date(Date.UTC(year - years, month, 0)).getUTCDate();
    return `${year - years}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
  };
  return { from: shift(period.from), to: shift(period.to) };
}

/** The furthest back a baseline may be: the same period ten years earlier (the longest a request may reach). */
export const MAX_BASELINE_YEARS = 10;

/**
 * The nearest baseline that does not overlap the period: a year earlier, or as many whole years as the period is
 * long (a period of 18 months is compared with the 18 months two years earlier, not with half of itself).
 */
export function minBaselineYears(period: DatePeriod): number {
  let years = 1;
  while (years < MAX_BASELINE_YEARS && yearsEarlier(period, years).to >= period.from) years += 1;
  return years;
}

/**
 * The baselines worth offering for a period: the nearest that does not overlap it (minBaselineYears), then those
 * further back, as far as the extracts reach (a baseline starting before the first covered date would compare
 * with weeks that have no data).
 */
export function baselineChoices(period: DatePeriod, firstCoveredDate: string | null): number[] {
  const nearest = minBaselineYears(period);
  const choices = [nearest];
  for (let years = nearest + 1; years <= MAX_BASELINE_YEARS; years += 1) {
    if (firstCoveredDate === null || yearsEarlier(period, years).from < firstCoveredDate) break;
    choices.push(years);
  }
  return choices;
}

/** Whole days in an inclusive period. */
export function daysIn(period: DatePeriod): number {
  return dayNumber(period.to) - dayNumber(period.from) + 1;
}

/** The Monday of the week (Monday to Sunday) that holds `date`. */
export function mondayOf(date: string): string {
  return addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
}

/**
 * The window of a weekly chart: the last n whole weeks (Monday to Sunday) on or before `end`. A week still running
 * at `end` is not yet a point (see wholeWeeksOnly).
 */
export function weeksEnding(end: string, weeks: number): DatePeriod {
  const monday = mondayOf(end);
  const lastSunday = addDays(monday, 6) === end ? end : addDays(monday, -1);
  return { from: addDays(lastSunday, -(7 * weeks - 1)), to: lastSunday };
}

/**
 * Weeks of every weekly SPC chart (overview tiles, specialty, consultant, review meetings): the year to the
 * period's end, whatever the period, so that a short period still has enough points for stable limits and every
 * chart of one view covers the same weeks.
 */
export const TREND_WEEKS = 52;

/** The weeks a weekly SPC chart covers for a period: the last TREND_WEEKS whole weeks on or before its end. */
export function trendWindow(period: Pick<DatePeriod, 'to'>): DatePeriod {
  return weeksEnding(period.to, TREND_WEEKS);
}

/**
 * The whole weeks of a weekly series. A week the period or the extracts cover only in part is no point on a weekly
 * chart: a weekend alone has no sessions (a false fall), and a per-week rate scaled up from part of a week is not
 * comparable with the others (a false rise at the latest point).
 */
export function wholeWeeksOnly<Point extends { weeks: number }>(
  points: readonly Point[] | undefined,
): Point[] {
  return (points ?? []).filter((point) => point.weeks >= 1 - 1e-9);
}

type SearchParams = Record<string, string | string[] | undefined>;

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** The longest custom period accepted (the metrics API refuses longer). */
const MAX_CUSTOM_DAYS = 3_660;

/**
 * The filters a page's URL asks for (`period`, `from`, `to`, `activity`), falling back to the default preset for
 * anything missing or invalid, so a mistyped link still shows a page.
 */
export function resolvePeriodFilter(
  searchParams: SearchParams,
  lastCoveredDate: string | null,
  now: Date = new Date(),
): PeriodFilter {
  const activityParam = single(searchParams.activity);
  const activity: ActivityOption = (ACTIVITY_OPTIONS as readonly string[]).includes(activityParam ?? '')
    ? (activityParam as ActivityOption)
    : 'all';
  const presetParam = single(searchParams.period);
  const end = presetEndDate(lastCoveredDate, now);
  if (presetParam === 'custom') {
    const from = single(searchParams.from);
    const to = single(searchParams.to);
    if (isIsoDate(from) && isIsoDate(to) && from <= to && daysIn({ from, to }) <= MAX_CUSTOM_DAYS) {
      return { preset: 'custom', period: { from, to }, activity };
    }
  }
  const preset =
    presetParam && presetParam !== 'custom' && (PERIOD_PRESETS as readonly string[]).includes(presetParam)
      ? (presetParam as Exclude<PeriodPreset, 'custom'>)
      : (DEFAULT_PRESET as Exclude<PeriodPreset, 'custom'>);
  return { preset, period: presetPeriod(preset, end), activity };
}

/** The URL query of a filter (the default activity and preset are left out to keep links short). */
export function filterSearchParams(filter: {
  preset: PeriodPreset;
  period?: DatePeriod;
  activity: ActivityOption;
}): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.preset !== DEFAULT_PRESET) params.set('period', filter.preset);
  if (filter.preset === 'custom' && filter.period) {
    params.set('from', filter.period.from);
    params.set('to', filter.period.to);
  }
  if (filter.activity !== 'all') params.set('activity', filter.activity);
  return params;
}

/** "01/04/2024 to 30/06/2024": a period in UK date order. */
export function describePeriod(period: DatePeriod): string {
  const uk = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  return `${uk(period.from)} to ${uk(period.to)}`;
}

/**
 * What a period has of the extracts, in words, when it reaches beyond them (null when they cover all of it): a
 * period with none of them would otherwise show a page of zeros with no reason given.
 */
export function describeCoverage(
  period: DatePeriod,
  firstCoveredDate: string | null,
  lastCoveredDate: string | null,
): string | null {
  if (firstCoveredDate === null || lastCoveredDate === null) return null;
  const covered = describePeriod({ from: firstCoveredDate, to: lastCoveredDate });
  if (period.to < firstCoveredDate || period.from > lastCoveredDate) {
    return `The extracts cover ${covered}: there is no activity in this period to show.`;
  }
  if (period.from >= firstCoveredDate && period.to <= lastCoveredDate) return null;
  const from = period.from < firstCoveredDate ? firstCoveredDate : period.from;
  const to = period.to > lastCoveredDate ? lastCoveredDate : period.to;
  return `The extracts cover only ${describePeriod({ from, to })} of this period; the figures are for those dates.`;
}

/** The weeks a weekly chart shows, e.g. "the 52 whole weeks from 27/10/2025 to 25/10/2026". */
export function describeWeeks(points: readonly DatePeriod[]): string {
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last) return 'no whole weeks';
  const count = points.length === 1 ? 'the whole week' : `the ${points.length} whole weeks`;
  return `${count} from ${describePeriod({ from: first.from, to: last.to })}`;
}
