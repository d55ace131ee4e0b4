import { formatDate } from '@/components/format';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRow } from '@/components/ui/table';
import { type TrendPoint, WeeklyTrendChart } from './weekly-trend-chart';

const SIGNAL_LABELS = {
  improvement: 'Special cause: improvement',
  concern: 'Special cause: concern',
  neutral: 'Special cause (neither better nor worse)',
} as const;

interface TrendPanelProps {
  title: string;
  metricId: string;
  unitLabel: string;
  points: TrendPoint[];
  periodLabel: string;
}

function format(value: number | null): string {
  return value === null ? '' : value.toFixed(1);
}

/** One weekly SPC chart with its heading, definition link, key and table alternative. */
export function TrendPanel({ title, metricId, unitLabel, points, periodLabel }: TrendPanelProps) {
  const last = points.findLast((point) => point.y !== null);
  const summary = last
    ? `Mean ${format(last.mean)} a week, process limits ${format(last.lpl)} to ${format(last.upl)}; ${
        points.filter((point) => point.signal !== null).length
      } weeks show special-cause variation.`
    : 'No weeks with data in this period.';
  return (
    <figure className="mb-8">
      <figcaption className="mb-2">
        <span className="block text-[1.375rem] font-bold">
          <a href={`/definitions#${metricId}`}>{title}</a>, per week
        </span>
        <span className="block text-nhs-dark-grey">
          {periodLabel}. {summary} Grey dots: common cause; squares: special cause (blue improvement, orange
          concern, purple neither). Dashed lines: process limits.
        </span>
      </figcaption>
      <div role="img" aria-label={`${title} per week, ${periodLabel}. ${summary}`}>
        <WeeklyTrendChart points={points} label={unitLabel} />
      </div>
      <details className="mt-2">
        <summary className="cursor-pointer text-nhs-blue underline">
          Show {title.toLowerCase()} as a table
        </summary>
        <ScrollRegion label={`${title} per week`}>
          <Table caption={`${title} per week`} isCaptionHidden>
            <TableHead>
              <TableRow>
                <ColumnHeader>Week beginning</ColumnHeader>
                <ColumnHeader align="end">{unitLabel}</ColumnHeader>
                <ColumnHeader align="end">Mean</ColumnHeader>
                <ColumnHeader align="end">Lower limit</ColumnHeader>
                <ColumnHeader align="end">Upper limit</ColumnHeader>
                <ColumnHeader>Variation</ColumnHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {points.map((point) => (
                <TableRow key={point.x}>
                  <TableCell>{formatDate(point.x)}</TableCell>
                  <TableCell align="end">{format(point.y)}</TableCell>
                  <TableCell align="end">{format(point.mean)}</TableCell>
                  <TableCell align="end">{format(point.lpl)}</TableCell>
                  <TableCell align="end">{format(point.upl)}</TableCell>
                  <TableCell>{point.signal ? SIGNAL_LABELS[point.signal] : 'Common cause'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      </details>
    </figure>
  );
}
