'use client';

import { LimitsFromSelect, useLimitsFrom } from '@/components/filters/limits-from-select';
import type { FigureNote } from '@/components/reviews/annotation-figure-notes';
import type { AnnotationPoint } from '@/components/reviews/annotation-markers';
import type { SeriesPoint } from '@/lib/server/metrics/series';
import { wholeWeeksOnly } from '@/lib/shared/periods';
import { TrendPanel } from './trend-panel';

/** The consultant's weekly charts: a count per whole week each. */
const TRENDS = [
  {
    title: 'Sessions held',
    metricId: 'heldSessions',
    value: (point: SeriesPoint) => point.heldSessions,
    fileName: 'sessions held',
  },
  {
    title: 'Patients or cases',
    metricId: 'patientsPerWeek',
    value: (point: SeriesPoint) => point.patients,
    fileName: 'patients',
  },
] as const;

/**
 * The consultant's two weekly SPC charts (sessions held, patients or cases), drawn in the browser so that the
 * week their limits are recalculated from (kept in the URL) redraws them without a round trip.
 */
export function ConsultantTrend({
  name,
  period,
  weekly,
  annotations,
  weekNotes,
}: {
  name: string;
  /** The weeks the charts cover (the file names say so). */
  period: { from: string; to: string };
  weekly: SeriesPoint[];
  annotations: readonly (AnnotationPoint & FigureNote)[];
  /** What happened in a week (its Monday → words), shown in the week chooser, e.g. a new job plan. */
  weekNotes: Readonly<Record<string, string>>;
}) {
  const weekStarts = wholeWeeksOnly(weekly).map((point) => point.from);
  const limitsFrom = useLimitsFrom(weekStarts);
  return (
    <>
      <LimitsFromSelect weekStarts={weekStarts} value={limitsFrom} weekNotes={weekNotes} />
      {TRENDS.map((trend) => (
        <TrendPanel
          key={trend.metricId}
          title={trend.title}
          metricId={trend.metricId}
          weekly={weekly}
          value={trend.value}
          limitsFrom={limitsFrom}
          annotations={annotations}
          exportName={`${name} ${trend.fileName} per week ${period.from} to ${period.to}`}
        />
      ))}
    </>
  );
}
