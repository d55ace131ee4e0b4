import type { ReactNode } from 'react';
import { formatMetricValue } from '@/components/charts/format-value';
import { SpcChart } from '@/components/charts/spc-chart';
import { toSpcChartData } from '@/components/charts/spc-data';
import { AssuranceIconSvg, VariationIconSvg } from '@/components/charts/spc-icons';
import type { MetricUnit } from '@/lib/shared/metrics';
import type { AgendaView, MemberView } from '@/lib/shared/review-agenda';
import { computeSpc } from '@/lib/shared/stats';

/*
 * The agenda's screens for the projector: one topic each, large type (body 24 px and up), black on white, and
 * never more rows than fit on a 16:9 screen (the rest are counted, not scrolled). Props in, nothing fetched.
 */

/** Rows that fit on one 1920×1080 screen at this type size. */
const ROWS_PER_SCREEN = 8;

export interface AgendaScreen {
  id: string;
  title: string;
  render: () => ReactNode;
}

const percent = (value: number | null) => formatMetricValue('ratio', value);
const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});
const ukDate = (iso: string | null) =>
  iso ? dateFormat.format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : '–';
const monthFormat = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const ukMonth = (iso: string) => monthFormat.format(new Date(`${iso}T00:00:00Z`));

function memberLabel(member: MemberView | null): string {
  if (member === null) return 'The unit';
  return member.kind === 'specialty' ? member.name : member.name;
}

const ACTION_STATUS_LABELS = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
} as const;

/** A table sized for the projector, with the rows that do not fit counted below it. */
function ScreenTable({ caption, head, rows }: { caption: string; head: string[]; rows: ReactNode[][] }) {
  const shown = rows.slice(0, ROWS_PER_SCREEN);
  return (
    <div>
      <table className="w-full border-collapse text-left text-[1.75rem]">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-4 border-nhs-black">
            {head.map((cell) => (
              <th key={cell} scope="col" className="py-2 pr-6 font-bold">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((cells, index) => (
            // Rows have no stable id of their own across screens; their position is their identity here.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={index} className="border-b-2 border-nhs-mid-grey">
              {cells.map((cell, cellIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <td key={cellIndex} className="py-2 pr-6 align-top">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length && (
        <p className="mt-4 text-[1.5rem]">And {rows.length - shown.length} more (see the meeting pack).</p>
      )}
      {rows.length === 0 && <p className="mt-4 text-[1.75rem]">Nothing to show for this period.</p>}
    </div>
  );
}

/** The screens of an agenda, in the standard order. */
export function agendaScreens(agenda: AgendaView, extra: { newActions?: ReactNode } = {}): AgendaScreen[] {
  return [
    {
      id: 'headline',
      title: 'Headline metrics against targets',
      render: () => (
        <ul className="grid grid-cols-4 gap-6">
          {agenda.headline.map((metric) => (
            <li key={metric.metricId} className="border-4 border-nhs-black p-6">
              <p className="text-[1.75rem] leading-tight font-bold">{metric.label}</p>
              <p className="my-3 text-[3.5rem] leading-none font-bold">
                {formatMetricValue(metric.unit as MetricUnit, metric.value)}
              </p>
              <p className="text-[1.75rem]">
                {metric.target === null
                  ? 'No target'
                  : `Target ${formatMetricValue(metric.unit as MetricUnit, metric.target)}`}
              </p>
              <p className="mt-2 flex gap-2">
                {metric.variation && <VariationIconSvg icon={metric.variation} size={64} />}
                {metric.assurance && <AssuranceIconSvg icon={metric.assurance} size={64} />}
              </p>
            </li>
          ))}
        </ul>
      ),
    },
    {
      id: 'trend',
      title: `Trend: session fulfilment (net), week by week`,
      render: () => <TrendChart agenda={agenda} />,
    },
    {
      id: 'funnel',
      title: `Fulfilment: where each ${agenda.funnel.basis} sits on the funnel`,
      render: () => (
        <ScreenTable
          caption="Funnel positions"
          head={['', 'Fulfilment (net)', 'Expected sessions', '99.8% limits', 'Position']}
          rows={agenda.funnel.points.map((point) => [
            memberLabel(point.member),
            percent(point.value),
            formatMetricValue('sessions', point.denominator),
            point.limits998 ? `${percent(point.limits998.lower)} – ${percent(point.limits998.upper)}` : '–',
            point.outlierDirection === 'high'
              ? 'Above the limits'
              : point.outlierDirection === 'low'
                ? 'Below the limits'
                : 'Within the limits',
          ])}
        />
      ),
    },
    {
      id: 'lostSessions',
      title: 'Lost sessions, and why',
      render: () => (
        <div className="grid grid-cols-2 gap-12">
          <ScreenTable
            caption="Lost sessions by outcome"
            head={['Outcome', 'Sessions']}
            rows={[
              ['Cancelled by the hospital', agenda.lostSessions.byOutcome.hospitalCancelled],
              ['Not scheduled', agenda.lostSessions.byOutcome.notScheduled],
              ['Leave, short notice', agenda.lostSessions.byOutcome.leaveShortNotice],
              ['Leave, adequate notice', agenda.lostSessions.byOutcome.leaveAdequateNotice],
              ['Sickness', agenda.lostSessions.byOutcome.sickness],
            ].map(([label, value]) => [label, formatMetricValue('sessions', value as number)])}
          />
          <ScreenTable
            caption="Hospital cancellations by reason"
            head={['Cancellation reason', 'Sessions']}
            rows={agenda.lostSessions.byReason.map((row) => [row.reason, String(row.sessions)])}
          />
        </div>
      ),
    },
    {
      id: 'workload',
      title: 'Workload balance and the “for review” list',
      render: () => (
        <div className="grid grid-cols-2 gap-12">
          <ScreenTable
            caption="Total delivery by month"
            head={[
              '',
              ...(agenda.workload.rows[0]?.months.map((month) => ukMonth(month.from)) ?? []),
              'Flag',
            ]}
            rows={agenda.workload.rows.map((row) => [
              memberLabel(row.member),
              ...row.months.map((month) => percent(month.totalDelivery)),
              row.flag === 'over'
                ? 'Sustained over-delivery'
                : row.flag === 'under'
                  ? 'Sustained under-delivery'
                  : '–',
            ])}
          />
          <ScreenTable
            caption="For review"
            head={['For review', 'Rule', 'Months']}
            rows={agenda.forReview.map((entry) => [
              memberLabel(entry.member),
              entry.rule === 'low_fulfilment'
                ? `Fulfilment below ${percent(agenda.parameters.reviewFulfilmentBelow)}`
                : `Total delivery above ${percent(agenda.parameters.reviewTotalDeliveryAbove)}`,
              String(entry.months),
            ])}
          />
        </div>
      ),
    },
    {
      id: 'opportunities',
      title: `Opportunity: ${formatMetricValue('patientsPerWeek', agenda.opportunities.total)} patients a week`,
      render: () => (
        <ScreenTable
          caption="Opportunity"
          head={['', 'From fulfilment', 'From productivity', 'Total (patients a week)']}
          rows={agenda.opportunities.rows.map((row) => [
            memberLabel(row.member),
            formatMetricValue('patientsPerWeek', row.opportunityPerWeek.fulfilment),
            formatMetricValue('patientsPerWeek', row.opportunityPerWeek.productivity),
            formatMetricValue('patientsPerWeek', row.opportunityPerWeek.total),
          ])}
        />
      ),
    },
    {
      id: 'annotations',
      title: 'What the consultants said: annotations and challenges',
      render: () => (
        <ScreenTable
          caption="Annotations and challenges"
          head={['', 'About', 'Note']}
          rows={[
            ...agenda.annotations.map((row) => [
              memberLabel(row.member),
              row.sessionDate
                ? `Session ${ukDate(row.sessionDate)}`
                : row.weekStart
                  ? `Week of ${ukDate(row.weekStart)}`
                  : 'The period',
              row.text,
            ]),
            ...agenda.challenges.map((row) => [
              memberLabel(row.member),
              row.sessionDate
                ? `Session ${ukDate(row.sessionDate)}`
                : row.weekStart
                  ? `Week of ${ukDate(row.weekStart)}`
                  : 'The period',
              `Challenge (${row.status}): ${row.reason}${row.resolution ? ` — ${row.resolution}` : ''}`,
            ]),
          ]}
        />
      ),
    },
    {
      id: 'actionsCarriedForward',
      title: 'Actions from the last review',
      render: () => (
        <ScreenTable
          caption="Actions carried forward"
          head={['Action', 'Owner', 'Due', 'Status']}
          rows={agenda.actionsCarriedForward.map((action) => [
            action.title,
            action.ownerName ?? '–',
            ukDate(action.dueOn),
            action.isOverdue
              ? `${ACTION_STATUS_LABELS[action.status]} (overdue)`
              : ACTION_STATUS_LABELS[action.status],
          ])}
        />
      ),
    },
    {
      id: 'newActions',
      title: 'New actions',
      render: () => (
        <div>
          <ScreenTable
            caption="New actions"
            head={['Action', 'Owner', 'Due', 'Status']}
            rows={agenda.newActions.map((action) => [
              action.title,
              action.ownerName ?? '–',
              ukDate(action.dueOn),
              ACTION_STATUS_LABELS[action.status],
            ])}
          />
          {extra.newActions}
        </div>
      ),
    },
  ];
}

/** The unit's weekly fulfilment over the year to the period's end as an SPC chart, with the target. */
function TrendChart({ agenda }: { agenda: AgendaView }) {
  const points = agenda.trend.map((point) => ({ x: point.from, y: point.fulfilmentNet }));
  if (points.filter((point) => point.y !== null).length < 2) {
    return <p className="text-[1.75rem]">Too few weeks with expected sessions to draw a trend.</p>;
  }
  const target = agenda.parameters.fulfilmentTarget;
  const result = computeSpc(points, { improvementDirection: 'increase', target });
  // The chart's caption and its table disclosure at the slide's type size (the chart's own are for pages).
  return (
    <div className="[&_figcaption]:text-[1.5rem] [&_summary]:text-[1.5rem]">
      <SpcChart
        label={`Session fulfilment (net) by week, ${agenda.unit.name}`}
        unit="ratio"
        data={toSpcChartData(result, { floor: 0 })}
        caption={`Weekly, with the mean and process limits; target ${percent(target)}.`}
        height={640}
        tickFontSize={24}
      />
    </div>
  );
}
