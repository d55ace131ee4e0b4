import type { ReactNode } from 'react';
import { formatNumber } from '@/components/format';
import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';

interface DataQualitySectionProps {
  id: string;
  title: string;
  /** The metric registry id its count is defined by. */
  metricId: string;
  count: number;
  countLabel: string;
  periodLabel: string;
  /** What the fault means and how to fix it. */
  description: ReactNode;
  /** Rows shown and where they start (for "rows 51 to 100 of 230"). */
  shown: number;
  offset: number;
  total: number;
  /** Links to the previous and next pages (null at the ends). */
  previousHref: string | null;
  nextHref: string | null;
  children: ReactNode;
}

/** One data-quality fault: its count (period, definition link), what to do, and the rows behind it, paged. */
export function DataQualitySection({
  id,
  title,
  metricId,
  count,
  countLabel,
  periodLabel,
  description,
  shown,
  offset,
  total,
  previousHref,
  nextHref,
  children,
}: DataQualitySectionProps) {
  const headingId = `${id}-heading`;
  return (
    <Panel aria-labelledby={headingId} id={id} data-section={id}>
      <SectionHeading id={headingId}>{title}</SectionHeading>
      <p className="mb-2">
        <span className="text-[2.25rem] font-bold" data-count>
          {formatNumber(count)}
        </span>{' '}
        {countLabel}, {periodLabel} (<a href={`/definitions#${metricId}`}>definition</a>).
      </p>
      <div className="mb-4 max-w-4xl space-y-2">{description}</div>
      {total === 0 ? (
        <p>Nothing to fix in this period.</p>
      ) : (
        <>
          {children}
          <nav aria-label={`${title}: pages`} className="mt-4 flex flex-wrap items-center gap-6">
            <span>
              Rows {formatNumber(offset + 1)} to {formatNumber(offset + shown)} of {formatNumber(total)}
            </span>
            {previousHref && <a href={`${previousHref}#${id}`}>Previous page</a>}
            {nextHref && <a href={`${nextHref}#${id}`}>Next page</a>}
          </nav>
        </>
      )}
    </Panel>
  );
}
