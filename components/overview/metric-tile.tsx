import Link from 'next/link';
import type { ReactNode } from 'react';
import { Sparkline } from '@/components/charts/sparkline';
import { SpcIcons } from '@/components/charts/spc-icons';
import type { AssuranceIcon, VariationIcon } from '@/lib/shared/stats';

interface MetricTileProps {
  metricId: string;
  label: string;
  value: string;
  /** A second figure beside the value (e.g. gross fulfilment). */
  detail?: ReactNode;
  periodText: string;
  variation: VariationIcon | null;
  assurance: AssuranceIcon | null;
  sparkline: (number | null)[];
  spcNote?: string;
}

/** A tile's frame: its heading links to the metric's definition. */
function TileShell({ metricId, label, children }: { metricId: string; label: string; children: ReactNode }) {
  return (
    <article
      className="metric-tile flex flex-col gap-2 border-t-4 border-nhs-blue bg-nhs-white p-5"
      data-metric={metricId}
    >
      <h3 className="text-[1.1875rem] font-bold">
        <Link href={`/definitions#${metricId}`}>{label}</Link>
      </h3>
      {children}
    </article>
  );
}

/** One category's figure in a PerCategoryMetricTile. */
export interface CategoryFigure {
  category: 'clinic' | 'list';
  label: string;
  value: string;
  variation: VariationIcon | null;
  assurance: AssuranceIcon | null;
  sparkline: (number | null)[];
}

/**
 * A headline figure defined within one activity category (patients per clinic session, cases per list) with
 * clinics and lists together: each category's own value, SPC icons and sparkline, never one mixed figure, whose
 * changes would be the mix changing rather than either activity.
 */
export function PerCategoryMetricTile({
  metricId,
  label,
  figures,
  periodText,
  spcNote,
}: {
  metricId: string;
  label: string;
  figures: readonly CategoryFigure[];
  periodText: string;
  spcNote?: string;
}) {
  return (
    <TileShell metricId={metricId} label={label}>
      {figures.map((figure) => (
        <div key={figure.category} className="flex flex-col gap-1">
          <p className="text-base font-bold">{figure.label}</p>
          <p
            className="text-[1.75rem] leading-none font-bold tabular-nums"
            data-testid={`tile-${metricId}-${figure.category}`}
          >
            {figure.value}
          </p>
          <Sparkline values={figure.sparkline} />
          <SpcIcons variation={figure.variation} assurance={figure.assurance} size={30} />
        </div>
      ))}
      <p className="text-sm text-nhs-dark-grey">{periodText}</p>
      {spcNote && <p className="text-sm text-nhs-dark-grey">{spcNote}</p>}
    </TileShell>
  );
}

/** A headline number with its definition link, period, SPC icons and a sparkline of the weekly series. */
export function MetricTile({
  metricId,
  label,
  value,
  detail,
  periodText,
  variation,
  assurance,
  sparkline,
  spcNote,
}: MetricTileProps) {
  return (
    <TileShell metricId={metricId} label={label}>
      <p className="text-[2.5rem] leading-none font-bold tabular-nums" data-testid={`tile-${metricId}`}>
        {value}
      </p>
      {detail && <p className="text-base">{detail}</p>}
      <p className="text-sm text-nhs-dark-grey">{periodText}</p>
      <Sparkline values={sparkline} />
      <SpcIcons variation={variation} assurance={assurance} size={30} />
      {spcNote && <p className="text-sm text-nhs-dark-grey">{spcNote}</p>}
    </TileShell>
  );
}
