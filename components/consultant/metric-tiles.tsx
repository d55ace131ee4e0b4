import { describePerSession } from '@/components/dashboard/per-session-views';
import { formatNumber } from '@/components/format';
import { type FigureNote, FigureNotes } from '@/components/reviews/annotation-figure-notes';
import { type AnnotationPoint, figureNotesOf } from '@/components/reviews/annotation-markers';
import type { SessionMetrics } from '@/lib/server/metrics/derive';
import type { UnitReportRow } from '@/lib/server/metrics/unit-report';
import { getMetric, type MetricId } from '@/lib/shared/metrics';

function percent(value: number | null): string {
  return value === null ? 'Not available' : `${(value * 100).toFixed(1)}%`;
}

function sessions(value: number): string {
  return formatNumber(Math.round(value * 10) / 10);
}

interface Tile {
  id: MetricId;
  value: string;
  detail?: string;
}

/**
 * The consultant's headline numbers, each linked to its definition and labelled with the period it covers, with the
 * notes about that figure the caller may read.
 */
export function MetricTiles({
  metrics,
  periodLabel,
  notes = [],
}: {
  metrics: SessionMetrics & Pick<UnitReportRow, 'perSessionByCategory'>;
  periodLabel: string;
  /** Notes about the consultant: those about a tile's figure (no date) are listed on it. */
  notes?: readonly (AnnotationPoint & FigureNote)[];
}) {
  const tiles: Tile[] = [
    {
      id: 'fulfilmentNet',
      value: percent(metrics.fulfilmentNet),
      detail: `${sessions(metrics.delivered)} delivered of ${sessions(metrics.expectedNet)} expected`,
    },
    { id: 'fulfilmentGross', value: percent(metrics.fulfilmentGross) },
    { id: 'additional', value: sessions(metrics.additional) },
    { id: 'lostSessions', value: sessions(metrics.lostSessions) },
    {
      id: 'casesPerSession',
      value: metrics.casesPerSession === null ? 'Not available' : metrics.casesPerSession.toFixed(1),
      detail: describePerSession(metrics),
    },
    {
      id: 'patientsPerWeek',
      value: metrics.patientsPerWeek === null ? 'Not available' : metrics.patientsPerWeek.toFixed(1),
    },
  ];
  return (
    <ul
      className="mb-8 grid gap-4 sm:grid-cols-2 lg:grid-cols-3"
      aria-label={`Headline figures, ${periodLabel}`}
    >
      {tiles.map((tile) => {
        const label = getMetric(tile.id).label;
        return (
          <li key={tile.id} className="border-t-4 border-nhs-blue bg-nhs-white p-4" data-metric={tile.id}>
            <a href={`/definitions#${tile.id}`} className="block text-[1.1875rem] font-bold">
              {label}
            </a>
            <span className="block text-[2.25rem] leading-tight font-bold" data-value>
              {tile.value}
            </span>
            {tile.detail && <span className="block">{tile.detail}</span>}
            <span className="block text-nhs-dark-grey">{periodLabel}</span>
            <FigureNotes notes={figureNotesOf(notes, tile.id)} figure={label} />
          </li>
        );
      })}
    </ul>
  );
}
