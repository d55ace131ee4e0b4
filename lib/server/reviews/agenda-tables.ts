import { ACTION_STATUS_LABELS } from '@/lib/shared/action-status';
import type { AgendaView, MemberView } from '@/lib/shared/review-agenda';

/** One table of the meeting pack: a sheet of the workbook. */
export interface PackTable {
  name: string;
  columns: string[];
  rows: (string | number | null)[][];
}

const label = (member: MemberView | null) => (member === null ? 'The unit' : member.name);

/**
 * The agenda's tables as the reader saw them (the disclosed view: consultants under pseudonyms where they must be,
 * no names with the anonymise switch on). Ratios stay ratios (the sheet formats them as percentages); dates ISO.
 */
export function agendaTables(agenda: AgendaView): PackTable[] {
  const actions = (name: string, rows: AgendaView['newActions']): PackTable => ({
    name,
    columns: ['Action', 'About', 'Owner', 'Due', 'Status', 'Overdue'],
    rows: rows.map((action) => [
      action.title,
      label(action.member),
      action.ownerName,
      action.dueOn,
      ACTION_STATUS_LABELS[action.status],
      action.isOverdue ? 'Yes' : 'No',
    ]),
  });
  return [
    {
      name: 'Headline',
      columns: ['Metric', 'Value', 'Target', 'Target source', 'Variation', 'Assurance'],
      rows: agenda.headline.map((metric) => [
        metric.label,
        metric.value,
        metric.target,
        metric.targetSource,
        metric.variation,
        metric.assurance,
      ]),
    },
    {
      name: 'Trend',
      columns: [
        'Week from',
        'Week to',
        'Fulfilment (net)',
        'Total delivery',
        'Cases per session',
        'Patients a week',
      ],
      rows: agenda.trend.map((point) => [
        point.from,
        point.to,
        point.fulfilmentNet,
        point.totalDelivery,
        point.casesPerSession,
        point.patientsPerWeek,
      ]),
    },
    {
      name: 'Funnel',
      columns: [
        '',
        'Delivered (capped)',
        'Expected (net)',
        'Fulfilment',
        '99.8% lower',
        '99.8% upper',
        'Outlier',
      ],
      rows: agenda.funnel.points.map((point) => [
        label(point.member),
        point.numerator,
        point.denominator,
        point.value,
        point.limits998?.lower ?? null,
        point.limits998?.upper ?? null,
        point.outlierDirection,
      ]),
    },
    {
      name: 'Lost sessions',
      columns: ['Outcome or reason', 'Sessions'],
      rows: [
        ['Cancelled by the hospital', agenda.lostSessions.byOutcome.hospitalCancelled],
        ['Not scheduled', agenda.lostSessions.byOutcome.notScheduled],
        ['Leave, short notice', agenda.lostSessions.byOutcome.leaveShortNotice],
        ['Leave, adequate notice', agenda.lostSessions.byOutcome.leaveAdequateNotice],
        ['Sickness', agenda.lostSessions.byOutcome.sickness],
        ...agenda.lostSessions.byReason.map((row) => [`Cancelled: ${row.reason}`, row.sessions]),
      ],
    },
    {
      name: 'Workload',
      columns: ['', 'Month', 'Total delivery', 'Flag'],
      rows: agenda.workload.rows.flatMap((row) =>
        row.months.map((month) => [label(row.member), month.from, month.totalDelivery, row.flag]),
      ),
    },
    {
      name: 'For review',
      columns: ['', 'Rule', 'Consecutive months', 'Latest month'],
      rows: agenda.forReview.map((entry) => [label(entry.member), entry.rule, entry.months, entry.month]),
    },
    {
      name: 'Opportunities',
      columns: ['', 'From fulfilment', 'From productivity', 'Total (patients a week)'],
      rows: agenda.opportunities.rows.map((row) => [
        label(row.member),
        row.opportunityPerWeek.fulfilment,
        row.opportunityPerWeek.productivity,
        row.opportunityPerWeek.total,
      ]),
    },
    {
      name: 'Annotations',
      columns: ['', 'Session', 'Week from', 'Metric', 'Note', 'Written by'],
      rows: agenda.annotations.map((row) => [
        label(row.member),
        row.sessionDate,
        row.weekStart,
        row.metricId,
        row.text,
        row.authorName,
      ]),
    },
    {
      name: 'Challenges',
      columns: ['', 'Session', 'Week from', 'Reason', 'Status', 'Resolution', 'Correction'],
      rows: agenda.challenges.map((row) => [
        label(row.member),
        row.sessionDate,
        row.weekStart,
        row.reason,
        row.status,
        row.resolution,
        row.correctionNote,
      ]),
    },
    actions('Actions carried forward', agenda.actionsCarriedForward),
    actions('New actions', agenda.newActions),
  ];
}
