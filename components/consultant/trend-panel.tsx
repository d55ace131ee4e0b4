import { SpcChart } from '@/components/charts/spc-chart';
import { toSpcChartData } from '@/components/charts/spc-data';
import { SpcIcons } from '@/components/charts/spc-icons';
import { describeLimitsFrom } from '@/components/filters/limits-from-select';
import { formatNumber } from '@/components/format';
import { type FigureNote, FigureNotes } from '@/components/reviews/annotation-figure-notes';
import {
  type AnnotationPoint,
  figureNotesOf,
  toChartAnnotations,
} from '@/components/reviews/annotation-markers';
import type { SeriesPoint } from '@/lib/server/metrics/series';
import { getMetric, type MetricId } from '@/lib/shared/metrics';
import { describeWeeks, wholeWeeksOnly } from '@/lib/shared/periods';
import { computeSpc } from '@/lib/shared/stats';

interface TrendPanelProps {
  title: string;
  metricId: MetricId;
  /** The weekly series of the period. */
  weekly: SeriesPoint[];
  /** The count charted, per week of the series. */
  value: (point: SeriesPoint) => number;
  /** The week the limits are recalculated from (see LimitsFromSelect), or null. */
  limitsFrom?: string | null;
  /** File name stem of the data download. */
  exportName: string;
  testId?: string;
  /**
   * Notes about the consultant: dated ones marked at the weeks they fall in; those about this chart's figure
   * (its metric, no date) listed under the chart.
   */
  annotations?: readonly (AnnotationPoint & FigureNote)[];
}

/**
 * One weekly XmR chart (the shared SPC chart: mean, process limits, special causes) with its heading, definition
 * link, SPC icons, table alternative and download. Whole weeks only (see wholeWeeksOnly): a part-week at the
 * series' edges is left out; counts cannot be negative, so a negative lower limit is drawn at zero.
 */
export function TrendPanel({
  title,
  metricId,
  weekly,
  value,
  limitsFrom = null,
  exportName,
  testId,
  annotations = [],
}: TrendPanelProps) {
  const weeks = wholeWeeksOnly(weekly);
  const spc = computeSpc(
    weeks.map((point) => ({ x: point.from, y: value(point) })),
    { improvementDirection: 'increase', rebaseAt: limitsFrom === null ? [] : [limitsFrom] },
  );
  const data = toSpcChartData(spc, { floor: 0 });
  const last = spc.points.findLast((point) => point.y !== null);
  const special = spc.points.filter(
    (point) => point.pointType !== null && point.pointType !== 'common_cause',
  ).length;
  const one = (number: number | null) => (number === null ? '–' : formatNumber(Math.round(number * 10) / 10));
  const shown = describeWeeks(weeks);
  const summary = last
    ? `Mean ${one(last.mean)} a week, process limits ${one(Math.max(0, last.lpl ?? 0))} to ${one(last.upl)}; ${special} ${special === 1 ? 'week shows' : 'weeks show'} special-cause variation.`
    : 'No weeks with data in this period.';
  return (
    <div className="mb-8">
      <h3 className="mb-2 text-[1.375rem] font-bold">
        <a href={`/definitions#${metricId}`}>{title}</a>, per week
      </h3>
      {weeks.length < 2 ? (
        <p>Too few whole weeks of data for an SPC chart.</p>
      ) : (
        <>
          <SpcIcons variation={spc.variation?.icon ?? null} assurance={spc.assurance?.icon ?? null} />
          <SpcChart
            label={`SPC chart of ${title.toLowerCase()} per week, ${shown}. ${summary}`}
            unit="patientsPerWeek"
            data={data}
            caption={`Over ${shown}. ${summary} Mean and process limits (dashed); larger outlined points are special causes (blue improvement, orange concern, purple neither).${describeLimitsFrom(spc, limitsFrom)}`}
            exportName={exportName}
            testId={testId}
            annotations={toChartAnnotations(
              annotations,
              data.rows.map((row) => row.x),
            )}
          />
        </>
      )}
      <FigureNotes notes={figureNotesOf(annotations, metricId)} figure={getMetric(metricId).label} />
    </div>
  );
}
