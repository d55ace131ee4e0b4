import type { ReactNode } from 'react';
import { formatChange, formatMetricValue } from '@/components/charts/format-value';
import { toFunnelChartData } from '@/components/charts/funnel-data';
import { SpcChart } from '@/components/charts/spc-chart';
import { toSpcChartData } from '@/components/charts/spc-data';
import { AssuranceIconSvg, VariationIconSvg } from '@/components/charts/spc-icons';
import { StaticFunnel, staticFunnelLabels } from '@/components/charts/static-funnel';
import { ACTION_STATUS_LABELS } from '@/lib/shared/action-status';
import { baselineChange } from '@/lib/shared/baseline-change';
import { getMetric, METRIC_CHOICES, type MetricUnit } from '@/lib/shared/metrics';
import { describeWeeks } from '@/lib/shared/periods';
import {
  type AGENDA_TOPICS,
  type AgendaBaseline,
  type AgendaCategory,
  type AgendaMetric,
  type AgendaView,
  headlineKey,
  type MemberView,
  perSessionColumns,
} from '@/lib/shared/review-agenda';
import { computeFunnel, computeSpc } from '@/lib/shared/stats';
import { toChartAnnotations } from './annotation-markers';
import { pagesBySize, wrappedLines } from './screen-pages';

/*
 * The agenda's screens for the projector: one topic each, large type (body 24 px and up), black on white, and
 * never more rows than fit on a 16:9 screen: a topic with more rows goes on over as many screens as it needs
 * ("2 of 3"), so nothing is scrolled and nobody is left out. Props in, nothing fetched.
 */

/** Table rows that fit on one 1920×1080 screen at the slide's type size, with room for a few to wrap. */
const ROWS_PER_SCREEN = 10;
/** Rows of free text (notes, actions' titles), which may take two or three lines each. */
const TEXT_ROWS_PER_SCREEN = 5;
/**
 * A division's workload table: its Specialty column makes rows wrap, so its rows are paged by the height they take
 * (pagesBySize), estimated from the lines their name, specialty and flag wrap onto. Measured on the 1920×1080 slide
 * in full screen: a row is 12 px of padding and 34 px a line, and the table has about 740 px below its header;
 * 700 leaves a line to spare for an estimate that falls short. The columns' widths are those of a screen with a
 * flag on it (the flag's column then narrows the others).
 */
const DIVISION_WORKLOAD_HEIGHT_PX = 700;
const DIVISION_WORKLOAD_ROW_PADDING_PX = 12;
const DIVISION_WORKLOAD_LINE_PX = 34;
/** Characters a line of its name and specialty columns holds; a flag ("Sustained over-delivery") takes two. */
const DIVISION_WORKLOAD_NAME_CHARS = 16;
const DIVISION_WORKLOAD_SPECIALTY_CHARS = 20;
const DIVISION_WORKLOAD_FLAG_LINES = 2;
/**
 * Rows of a division's "for review" list: its Specialty column leaves the rule's words a narrow column, where they
 * wrap onto three or four lines.
 */
const DIVISION_FOR_REVIEW_ROWS_PER_SCREEN = 5;
/** Consultants listed beside the funnel plot on one screen (every screen of the topic draws them all). */
const FUNNEL_ROWS_PER_SCREEN = 12;

export type AgendaTopic = (typeof AGENDA_TOPICS)[number];

export interface AgendaScreen {
  /** Unique: the topic, and for its later screens `<topic>-<n>`. */
  id: string;
  topic: AgendaTopic;
  title: string;
  /** For the agenda's buttons under the slide. */
  shortTitle: string;
  render: () => ReactNode;
}

/** A headline figure that later imports have changed since the meeting froze it: its value now. */
export interface HeadlineChange {
  metricId: string;
  /** The activity category of a per-category figure (patients or cases per session). */
  category?: AgendaCategory;
  live: number | null;
}

export interface AgendaScreenOptions {
  /** The new-action form, shown on the new actions' screen. */
  newActions?: ReactNode;
  /** Headline figures changed since the snapshot, shown beside the frozen ones (the live view, for comparison). */
  changes?: readonly HeadlineChange[];
  /** Whether to split long topics into screens; the printed pack has pages that grow, so it does not. */
  isPaged?: boolean;
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
  return member === null ? 'The unit' : member.name;
}

/** A table sized for the projector (the rows one screen shows). */
function ScreenTable({
  caption,
  head,
  rows,
  isCompact = false,
  emptyText = 'Nothing to show for this period.',
}: {
  caption: string;
  head: string[];
  rows: ReactNode[][];
  emptyText?: string;
  /** 24 px type instead of 28, for a table that shares the screen with a chart. */
  isCompact?: boolean;
}) {
  return (
    <div>
      <table className={`w-full border-collapse text-left ${isCompact ? 'text-[1.5rem]' : 'text-[1.75rem]'}`}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-4 border-nhs-black">
            {head.map((cell) => (
              <th key={cell} scope="col" className="py-1.5 pr-6 font-bold">
                {cell}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((cells, index) => (
            // Rows have no stable id of their own across screens; their position is their identity here.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={index} className="border-b-2 border-nhs-mid-grey">
              {cells.map((cell, cellIndex) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional
                <td key={cellIndex} className="py-1.5 pr-6 align-top">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="mt-4 text-[1.75rem]">{emptyText}</p>}
    </div>
  );
}

/**
 * One topic over as many screens as its rows need (`perScreen` rows each; one screen when not paged): the later
 * screens say "2 of 3" in their titles. `render` draws the rows from `start` to `end`.
 */
function topicScreens(
  topic: AgendaTopic,
  titles: { title: string; shortTitle: string },
  rowCount: number,
  perScreen: number,
  render: (start: number, end: number) => ReactNode,
): AgendaScreen[] {
  const count = Number.isFinite(perScreen) ? Math.max(1, Math.ceil(rowCount / perScreen)) : 1;
  return Array.from({ length: count }, (_, page) => ({
    id: page === 0 ? topic : `${topic}-${page + 1}`,
    topic,
    title: count === 1 ? titles.title : `${titles.title} (${page + 1} of ${count})`,
    shortTitle: count === 1 ? titles.shortTitle : `${titles.shortTitle} ${page + 1}/${count}`,
    render: () => render(page * perScreen, (page + 1) * perScreen),
  }));
}

/** The longest rows first and the rest summed in a last row, so that a breakdown fits on one screen. */
function withOthersSummed<Row>(
  rows: readonly Row[],
  limit: number,
  sum: (rest: readonly Row[]) => Row,
): Row[] {
  return rows.length <= limit ? [...rows] : [...rows.slice(0, limit - 1), sum(rows.slice(limit - 1))];
}

/** What a note or challenge is about: a session, a week, a figure (by its label), or the whole period. */
const aboutWhat = (row: { sessionDate: string | null; weekStart: string | null; metricId: string | null }) =>
  row.sessionDate
    ? `Session ${ukDate(row.sessionDate)}`
    : row.weekStart
      ? `Week of ${ukDate(row.weekStart)}`
      : row.metricId
        ? (METRIC_CHOICES.find((metric) => metric.id === row.metricId)?.label ?? 'A figure')
        : 'The period';

/** The screens of an agenda, in the standard order. */
export function agendaScreens(agenda: AgendaView, options: AgendaScreenOptions = {}): AgendaScreen[] {
  const isPaged = options.isPaged ?? true;
  const liveByKey = new Map((options.changes ?? []).map((change) => [headlineKey(change), change.live]));
  const rowsPerScreen = isPaged ? ROWS_PER_SCREEN : Number.POSITIVE_INFINITY;
  const textRowsPerScreen = isPaged ? TEXT_ROWS_PER_SCREEN : Number.POSITIVE_INFINITY;
  const perSession = perSessionColumns(agenda);
  const notes = [
    ...agenda.annotations.map((row) => [memberLabel(row.member), aboutWhat(row), row.text]),
    ...agenda.challenges.map((row) => [
      memberLabel(row.member),
      aboutWhat(row),
      `Challenge (${row.status}): ${row.reason}${row.resolution ? ` — ${row.resolution}` : ''}`,
    ]),
  ];
  const reasons = withOthersSummed(agenda.lostSessions.byReason, rowsPerScreen, (rest) => ({
    reason: `${rest.length} other reasons`,
    sessions: rest.reduce((total, row) => total + row.sessions, 0),
  }));
  return [
    {
      id: 'headline',
      topic: 'headline',
      title: 'Headline metrics against targets',
      shortTitle: 'Headline',
      render: () => (
        <ul className="grid grid-cols-4 gap-6">
          {headlineTiles(agenda.headline).map((tile) =>
            tile.length === 1 && tile[0] ? (
              <HeadlineTile
                key={headlineKey(tile[0])}
                metric={tile[0]}
                liveByKey={liveByKey}
                baseline={tile[0].metricId === 'patientsPerWeek' ? agenda.baseline : undefined}
              />
            ) : (
              <PerCategoryTile key={tile[0]?.metricId} metrics={tile} liveByKey={liveByKey} />
            ),
          )}
        </ul>
      ),
    },
    {
      id: 'trend',
      topic: 'trend',
      title: `Trend: session fulfilment (net), week by week`,
      shortTitle: 'Trend',
      render: () => <TrendChart agenda={agenda} />,
    },
    ...topicScreens(
      'funnel',
      { title: `Fulfilment: where each ${agenda.funnel.basis} sits on the funnel`, shortTitle: 'Funnel' },
      agenda.funnel.points.length,
      isPaged ? FUNNEL_ROWS_PER_SCREEN : Number.POSITIVE_INFINITY,
      (start, end) => <FunnelScreen agenda={agenda} start={start} end={end} />,
    ),
    {
      id: 'lostSessions',
      topic: 'lostSessions',
      title: 'Lost sessions, and why',
      shortTitle: 'Lost sessions',
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
            rows={reasons.map((row) => [row.reason, String(row.sessions)])}
          />
        </div>
      ),
    },
    ...workloadScreens(agenda, isPaged),
    ...topicScreens(
      'opportunities',
      {
        title: `Opportunity: ${formatMetricValue('patientsPerWeek', agenda.opportunities.total)} patients a week`,
        shortTitle: 'Opportunity',
      },
      agenda.opportunities.rows.length,
      rowsPerScreen,
      (start, end) => (
        <ScreenTable
          caption="Opportunity"
          head={[
            '',
            ...perSession.map((column) => column.label),
            'From fulfilment',
            'From productivity',
            'Total (patients a week)',
          ]}
          rows={agenda.opportunities.rows
            .slice(start, end)
            .map((row) => [
              memberLabel(row.member),
              ...perSession.map((column) => formatMetricValue('patientsPerSession', column.valueOf(row))),
              formatMetricValue('patientsPerWeek', row.opportunityPerWeek.fulfilment),
              formatMetricValue('patientsPerWeek', row.opportunityPerWeek.productivity),
              formatMetricValue('patientsPerWeek', row.opportunityPerWeek.total),
            ])}
        />
      ),
    ),
    ...topicScreens(
      'annotations',
      { title: 'What the consultants said: annotations and challenges', shortTitle: 'Notes' },
      notes.length,
      textRowsPerScreen,
      (start, end) => (
        <ScreenTable
          caption="Annotations and challenges"
          head={['', 'About', 'Note']}
          emptyText="No notes or challenges about this period."
          rows={notes.slice(start, end)}
        />
      ),
    ),
    ...topicScreens(
      'actionsCarriedForward',
      { title: 'Actions from the last review', shortTitle: 'Last actions' },
      agenda.actionsCarriedForward.length,
      textRowsPerScreen,
      (start, end) => (
        <ScreenTable
          caption="Actions carried forward"
          head={['Action', 'Owner', 'Due', 'Status']}
          emptyText="No actions were carried forward from an earlier review of this unit."
          rows={agenda.actionsCarriedForward
            .slice(start, end)
            .map((action) => [
              action.title,
              action.ownerName ?? '–',
              ukDate(action.dueOn),
              action.isOverdue
                ? `${ACTION_STATUS_LABELS[action.status]} (overdue)`
                : ACTION_STATUS_LABELS[action.status],
            ])}
        />
      ),
    ),
    {
      id: 'newActions',
      topic: 'newActions',
      title: 'New actions',
      shortTitle: 'New actions',
      render: () => (
        <div>
          {/* The newest first, so that the one just agreed is on screen however many there are. */}
          <ScreenTable
            caption="New actions"
            head={['Action', 'Owner', 'Due', 'Status']}
            emptyText="No actions agreed in this meeting yet."
            rows={agenda.newActions
              .slice(-textRowsPerScreen)
              .reverse()
              .map((action) => [
                action.title,
                action.ownerName ?? '–',
                ukDate(action.dueOn),
                ACTION_STATUS_LABELS[action.status],
              ])}
          />
          {isPaged && agenda.newActions.length > textRowsPerScreen && (
            <p className="mt-4 text-[1.5rem]">
              The newest {textRowsPerScreen} of {agenda.newActions.length}; the meeting pack lists them all.
            </p>
          )}
          {options.newActions}
        </div>
      ),
    },
  ];
}

/**
 * The headline's tiles: one figure each, except patients or cases per session with clinics and lists together,
 * whose categories share one tile (compared within a category, never mixed; the grid keeps its two rows).
 */
function headlineTiles(headline: readonly AgendaMetric[]): AgendaMetric[][] {
  const tiles: AgendaMetric[][] = [];
  for (const metric of headline) {
    const last = tiles.at(-1);
    if (metric.category && last?.[0]?.category && last[0].metricId === metric.metricId) last.push(metric);
    else tiles.push([metric]);
  }
  return tiles;
}

const targetText = (metric: AgendaMetric) =>
  metric.target === null
    ? 'No target'
    : `Target ${formatMetricValue(metric.unit as MetricUnit, metric.target)}`;

/** A figure's value now, where later imports have changed it since the snapshot. */
function LiveValue({
  metric,
  liveByKey,
}: {
  metric: AgendaMetric;
  liveByKey: ReadonlyMap<string, number | null>;
}) {
  const key = headlineKey(metric);
  if (!liveByKey.has(key)) return null;
  return (
    <p className="text-[1.5rem] font-bold text-nhs-dark-blue">
      Now {formatMetricValue(metric.unit as MetricUnit, liveByKey.get(key) ?? null)}{' '}
      <span className="font-normal">(later imports)</span>
    </p>
  );
}

function HeadlineTile({
  metric,
  liveByKey,
  baseline,
}: {
  metric: AgendaMetric;
  liveByKey: ReadonlyMap<string, number | null>;
  /** Patients a week a year earlier, on the patients-per-week tile (absent in older snapshots). */
  baseline?: AgendaBaseline;
}) {
  return (
    <li className="border-4 border-nhs-black p-6">
      <p className="text-[1.75rem] leading-tight font-bold">{metric.label}</p>
      <p className="my-3 text-[3.5rem] leading-none font-bold">
        {formatMetricValue(metric.unit as MetricUnit, metric.value)}
      </p>
      <p className="text-[1.75rem]">{targetText(metric)}</p>
      {baseline && (
        <p className="text-[1.5rem]" data-testid="headline-baseline">
          {baseline.patientsPerWeek === null
            ? 'No figure a year earlier'
            : `A year earlier ${formatMetricValue('patientsPerWeek', baseline.patientsPerWeek)} (${formatChange(baselineChange(metric.value, baseline.patientsPerWeek))})`}
        </p>
      )}
      <LiveValue metric={metric} liveByKey={liveByKey} />
      <p className="mt-2 flex gap-2">
        {metric.variation && <VariationIconSvg icon={metric.variation} size={64} />}
        {metric.assurance && <AssuranceIconSvg icon={metric.assurance} size={64} />}
      </p>
    </li>
  );
}

/** Patients or cases per session for each category in one tile: each with its own value, target and icons. */
function PerCategoryTile({
  metrics,
  liveByKey,
}: {
  metrics: readonly AgendaMetric[];
  liveByKey: ReadonlyMap<string, number | null>;
}) {
  const first = metrics[0];
  if (!first) return null;
  return (
    <li className="border-4 border-nhs-black p-6">
      <p className="text-[1.75rem] leading-tight font-bold">{getMetric('casesPerSession').label}</p>
      <ul className="mt-2 flex flex-col gap-3">
        {metrics.map((metric) => (
          <li key={headlineKey(metric)}>
            <p className="text-[1.5rem] leading-tight">{metric.label}</p>
            <p className="flex items-center gap-3">
              <span className="text-[2.5rem] leading-tight font-bold">
                {formatMetricValue(metric.unit as MetricUnit, metric.value)}
              </span>
              {metric.variation && <VariationIconSvg icon={metric.variation} size={44} />}
              {metric.assurance && <AssuranceIconSvg icon={metric.assurance} size={44} />}
            </p>
            <p className="text-[1.5rem]">{targetText(metric)}</p>
            <LiveValue metric={metric} liveByKey={liveByKey} />
          </li>
        ))}
      </ul>
    </li>
  );
}

/** What a table whose rows all went on the topic's earlier screens says on a later one (not "nothing to show"). */
const ON_EARLIER_SCREENS = 'All of it is on the earlier screens of this topic.';

/** What a withheld specialty says, and why (the rule is disclose-agenda.ts's). */
const SPECIALTY_WITHHELD = 'Not shown';

/**
 * The workload topic over as many screens as the longer of its two tables needs, each table with the rows its
 * screen holds (a division's have a Specialty column, and fewer rows).
 */
function workloadScreens(agenda: AgendaView, isPaged: boolean): AgendaScreen[] {
  const isDivision = agenda.unit.level === 'division';
  const workloadPages = !isPaged
    ? [agenda.workload.rows]
    : isDivision
      ? pagesBySize(agenda.workload.rows, divisionWorkloadRowHeight, DIVISION_WORKLOAD_HEIGHT_PX)
      : pagesBySize(agenda.workload.rows, () => 1, ROWS_PER_SCREEN);
  const forReviewPages = pagesBySize(
    agenda.forReview,
    () => 1,
    !isPaged ? Number.POSITIVE_INFINITY : isDivision ? DIVISION_FOR_REVIEW_ROWS_PER_SCREEN : ROWS_PER_SCREEN,
  );
  const screens = Math.max(workloadPages.length, forReviewPages.length);
  return topicScreens(
    'workload',
    { title: 'Workload balance and the “for review” list', shortTitle: 'Workload' },
    screens,
    1,
    (page) => (
      <WorkloadScreen
        agenda={agenda}
        workload={workloadPages[page] ?? []}
        forReview={forReviewPages[page] ?? []}
      />
    ),
  );
}

/** The height a division workload row takes on the projector (see DIVISION_WORKLOAD_HEIGHT_PX). */
function divisionWorkloadRowHeight(row: AgendaView['workload']['rows'][number]): number {
  const lines = Math.max(
    wrappedLines(memberLabel(row.member), DIVISION_WORKLOAD_NAME_CHARS),
    wrappedLines(row.specialty ?? SPECIALTY_WITHHELD, DIVISION_WORKLOAD_SPECIALTY_CHARS),
    row.flag ? DIVISION_WORKLOAD_FLAG_LINES : 1,
  );
  return DIVISION_WORKLOAD_ROW_PADDING_PX + DIVISION_WORKLOAD_LINE_PX * lines;
}

/**
 * Total delivery by month for each consultant with the sustained flags, beside the "for review" list (the rows of
 * one screen). A division's consultants come from several specialties: a Specialty column in both says which, except
 * where it would say who an anonymised consultant is.
 */
function WorkloadScreen({
  agenda,
  workload: rows,
  forReview,
}: {
  agenda: AgendaView;
  workload: AgendaView['workload']['rows'];
  forReview: AgendaView['forReview'];
}) {
  const isDivision = agenda.unit.level === 'division';
  const isWithheld = (row: { specialty?: string | null }) =>
    row.specialty === null || row.specialty === undefined;
  const isAnyWithheld = isDivision && (rows.some(isWithheld) || forReview.some(isWithheld));
  return (
    <div className="grid grid-cols-[3fr_2fr] gap-12">
      <div>
        <ScreenTable
          caption="Total delivery by month"
          isCompact={isDivision}
          emptyText={agenda.workload.rows.length > 0 ? ON_EARLIER_SCREENS : undefined}
          head={[
            // The months' figures say what they are, as the list beside it says "For review".
            'Total delivery',
            ...(isDivision ? ['Specialty'] : []),
            ...(agenda.workload.rows[0]?.months.map((month) => ukMonth(month.from)) ?? []),
            'Flag',
          ]}
          rows={rows.map((row) => [
            memberLabel(row.member),
            ...(isDivision ? [row.specialty ?? SPECIALTY_WITHHELD] : []),
            ...row.months.map((month) => percent(month.totalDelivery)),
            row.flag === 'over'
              ? 'Sustained over-delivery'
              : row.flag === 'under'
                ? 'Sustained under-delivery'
                : '–',
          ])}
        />
        {isAnyWithheld && (
          <p className="mt-3 text-[1.5rem]">
            {SPECIALTY_WITHHELD}: a specialty with too few consultants here would say who an anonymised
            consultant is.
          </p>
        )}
      </div>
      {/* A division's list says each consultant's specialty too, by the workload table's rule. */}
      <ScreenTable
        caption="For review"
        isCompact={isDivision}
        emptyText={agenda.forReview.length > 0 ? ON_EARLIER_SCREENS : undefined}
        head={['For review', ...(isDivision ? ['Specialty'] : []), 'Rule', 'Months']}
        rows={forReview.map((entry) => [
          memberLabel(entry.member),
          ...(isDivision ? [entry.specialty ?? SPECIALTY_WITHHELD] : []),
          entry.rule === 'low_fulfilment'
            ? `Fulfilment below ${percent(agenda.parameters.reviewFulfilmentBelow)}`
            : `Total delivery above ${percent(agenda.parameters.reviewTotalDeliveryAbove)}`,
          String(entry.months),
        ])}
      />
    </div>
  );
}

const wholeNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
/** The funnel's drawing on the slide: the same size for drawing it and for knowing which points it numbers. */
const FUNNEL_DRAWING = { width: 920, height: 620, fontSize: 24 } as const;

/**
 * The funnel plot of the unit's members, each point numbered, beside the list of who each number is (from `start`
 * to `end`), with the value and where it sits. The plot is drawn again from the frozen numerators and
 * denominators, so it is the one the meeting froze.
 */
function FunnelScreen({ agenda, start, end }: { agenda: AgendaView; start: number; end: number }) {
  const { points } = agenda.funnel;
  if (points.length < 2) {
    return <p className="text-[1.75rem]">Too few members with expected sessions to draw a funnel.</p>;
  }
  const result = computeFunnel(
    points.map((point, index) => ({
      id: String(index + 1),
      numerator: point.numerator,
      denominator: point.denominator,
    })),
    { type: 'proportion' },
  );
  const numbers = new Map(points.map((_, index) => [String(index + 1), String(index + 1)]));
  const data = toFunnelChartData(result, numbers);
  const drawing = { ...FUNNEL_DRAWING, target: agenda.parameters.fulfilmentTarget };
  // Points too close to others to number without the numbers overlapping: the list says so beside each.
  const labels = staticFunnelLabels(data, drawing);
  const unnumbered = new Set([...labels].flatMap(([id, box]) => (box === null ? [id] : [])));
  return (
    <div className="grid grid-cols-[1.15fr_1fr] gap-10">
      <figure>
        <StaticFunnel
          data={data}
          {...drawing}
          format={(value) => percent(value)}
          formatX={(value) => wholeNumber.format(value)}
          xLabel="Expected sessions"
          isLabelled
        />
        <figcaption className="mt-2 text-[1.5rem]">
          Numbered as listed
          {unnumbered.size > 0 &&
            '; a point too close to others to number is marked “not numbered on the plot” in the list'}
          . Limits: 95% dashed, 99.8% solid; a diamond is outside 99.8%.
        </figcaption>
      </figure>
      <ScreenTable
        caption="Funnel positions"
        head={['', 'Fulfilment of expected sessions', 'Position']}
        isCompact
        rows={points.slice(start, end).map((point, index) => {
          const number = String(start + index + 1);
          return [
            unnumbered.has(number) ? (
              <>
                {number}. {memberLabel(point.member)}{' '}
                <span className="whitespace-nowrap">(not numbered on the plot)</span>
              </>
            ) : (
              `${number}. ${memberLabel(point.member)}`
            ),
            `${percent(point.value)} of ${formatMetricValue('sessions', point.denominator)}`,
            point.outlierDirection === 'high'
              ? 'Above the limits'
              : point.outlierDirection === 'low'
                ? 'Below the limits'
                : 'Within',
          ];
        })}
      />
    </div>
  );
}

/**
 * The unit's weekly fulfilment over the year to the period's end as an SPC chart, with the target and the
 * consultants' dated notes marked at their weeks.
 */
function TrendChart({ agenda }: { agenda: AgendaView }) {
  const points = agenda.trend.map((point) => ({ x: point.from, y: point.fulfilmentNet }));
  if (points.filter((point) => point.y !== null).length < 2) {
    return <p className="text-[1.75rem]">Too few weeks with expected sessions to draw a trend.</p>;
  }
  const target = agenda.parameters.fulfilmentTarget;
  const result = computeSpc(points, { improvementDirection: 'increase', target });
  // The chart's caption at the slide's type size (the chart's own is for pages).
  return (
    // The chart's table would not fit the slide: it stays for screen readers; the pack's XLSX has it for everyone.
    <div className="[&_details]:sr-only [&_figcaption]:text-[1.5rem]">
      <SpcChart
        label={`Session fulfilment (net) by week, ${agenda.unit.name}`}
        unit="ratio"
        data={toSpcChartData(result, { floor: 0 })}
        caption={`Weekly over ${describeWeeks(agenda.trend)} (the meeting reviews from ${ukDate(agenda.period.from)}), with the mean and process limits; target ${percent(target)}.`}
        height={640}
        tickFontSize={24}
        annotations={toChartAnnotations(
          agenda.annotations.map((note) => ({ ...note, text: `${memberLabel(note.member)}: ${note.text}` })),
          points.map((point) => point.x),
        )}
      />
    </div>
  );
}
