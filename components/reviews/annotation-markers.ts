import type { MetricDefinition } from '@/lib/shared/metrics';

/** What the consultant page needs of an annotation to mark it on a weekly chart. */
export interface AnnotationPoint {
  sessionDate: string | null;
  sessionPeriod: string | null;
  weekStart: string | null;
  metricId: string | null;
  text: string;
}

/** A note drawn on a chart at the x (week start) of the point it falls in. */
export interface ChartAnnotation {
  x: string;
  text: string;
}

const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' });
const PERIODS: Record<string, string> = { AM: 'AM', PM: 'PM', EVE: 'evening', ALL: 'whole day' };
const ukDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** What a note or challenge is about, in words: "Session Mon 02/03/2026, AM", "Week beginning …", a metric's label. */
export function describeDataPoint(
  point: Omit<AnnotationPoint, 'text'>,
  metrics: readonly Pick<MetricDefinition, 'id' | 'label'>[],
): string {
  if (point.sessionDate) {
    const weekday = WEEKDAY.format(new Date(`${point.sessionDate}T00:00:00Z`));
    const period = point.sessionPeriod ? `, ${PERIODS[point.sessionPeriod] ?? point.sessionPeriod}` : '';
    return `Session ${weekday} ${ukDate(point.sessionDate)}${period}`;
  }
  if (point.weekStart) return `Week beginning ${ukDate(point.weekStart)}`;
  if (point.metricId) return metrics.find((metric) => metric.id === point.metricId)?.label ?? point.metricId;
  return 'General';
}

const WEEK_MS = 7 * 86_400_000;

/**
 * Places dated notes on a weekly chart: each at the week (x: its Monday, ascending ISO dates) that holds its session
 * date or week start; notes outside the chart's weeks (a part-week it leaves out), or about a figure rather than a
 * date, are not drawn. Several notes in one week become one marker with their texts joined.
 */
export function toChartAnnotations(
  annotations: readonly AnnotationPoint[],
  weeks: readonly string[],
): ChartAnnotation[] {
  const byWeek = new Map<string, string[]>();
  for (const annotation of annotations) {
    const day = annotation.sessionDate ?? annotation.weekStart;
    if (!day || weeks.length === 0 || day < (weeks[0] as string)) continue;
    const week = weeks.findLast((x) => x <= day) as string;
    if (Date.parse(day) - Date.parse(week) >= WEEK_MS) continue;
    byWeek.set(week, [...(byWeek.get(week) ?? []), annotation.text]);
  }
  return [...byWeek].map(([x, texts]) => ({ x, text: texts.join(' · ') }));
}

/**
 * Notes about a figure (a metric of the period, with no session or week) that name this metric: they are shown beside
 * the figure's tile or chart, as dated notes are marked at their week.
 */
export function figureNotesOf<Note extends AnnotationPoint>(
  annotations: readonly Note[],
  metricId: string,
): Note[] {
  return annotations.filter(
    (annotation) =>
      annotation.metricId === metricId && annotation.sessionDate === null && annotation.weekStart === null,
  );
}
