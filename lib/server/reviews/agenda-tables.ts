import { ACTION_STATUS_LABELS } from '@/lib/shared/action-status';
import { baselineChange } from '@/lib/shared/baseline-change';
import { PACK_FORMATS, unitFormat } from '@/lib/shared/excel-formats';
import { getMetric, METRIC_CHOICES } from '@/lib/shared/metrics';
import { describePeriod } from '@/lib/shared/periods';
import {
  type AgendaChallenge,
  type AgendaView,
  type MemberView,
  perSessionColumns,
} from '@/lib/shared/review-agenda';
import { ASSURANCE_LABELS, VARIATION_LABELS } from '@/lib/shared/spc-labels';

/** A cell of the pack: text, a number (shown with its column's or its own format), a date, or empty. */
export type PackCell = string | number | Date | null;

/** A number with the Excel format it shows with, when its column has none (e.g. the headline's mixed units). */
export interface FormattedNumber {
  value: number;
  format: string;
}

/** A column of a pack table: its heading and, for numbers and dates, the Excel format its cells show with. */
export interface PackColumn {
  header: string;
  format?: string;
}

/** One table of the meeting pack: a sheet of the workbook. */
export interface PackTable {
  name: string;
  columns: PackColumn[];
  rows: (PackCell | FormattedNumber)[][];
}

/** A number with its unit's format, or an empty cell. */
function numberIn(unit: string, value: number | null): FormattedNumber | null {
  return value === null ? null : { value, format: unitFormat(unit, value) };
}

/** An ISO date (yyyy-mm-dd…) as the Excel date of that day (midnight UTC: Excel dates have no time zone). */
export function excelDate(iso: string | null): Date | null {
  return iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null;
}

const member = (view: MemberView | null) => (view === null ? 'The unit' : view.name);
const metricLabel = (metricId: string | null) =>
  metricId === null ? null : (METRIC_CHOICES.find((metric) => metric.id === metricId)?.label ?? metricId);
const percentText = (ratio: number) => `${(ratio * 100).toFixed(1)}%`;

/** A specialty withheld beside an anonymised consultant (disclose-agenda.ts says when). */
const SPECIALTY_WITHHELD = 'Not shown: too few consultants in the specialty to say without naming them';

const CHALLENGE_STATUS_LABELS: Record<AgendaChallenge<MemberView>['status'], string> = {
  open: 'Waiting for the administrators',
  accepted: 'Accepted: the data was corrected',
  explained: 'Explained: the data stands',
};

/** What became of a challenge: the correction made when accepted, the explanation when explained. */
function challengeOutcome(row: AgendaChallenge<MemberView>): string | null {
  if (row.status === 'accepted') {
    return [row.correctionNote, row.resolution].filter((text) => text).join(' — ') || null;
  }
  return row.status === 'explained' ? row.resolution : null;
}

/**
 * The agenda's tables as the reader saw them (the disclosed view: consultants under pseudonyms where they must be,
 * no names with the anonymise switch on), in the app's words: numbers stay numbers with the format their unit
 * shows with on the dashboards, dates are dates, codes are words.
 */
export function agendaTables(agenda: AgendaView): PackTable[] {
  const { percent, oneDecimal, whole, date, month } = PACK_FORMATS;
  const actions = (name: string, rows: AgendaView['newActions']): PackTable => ({
    name,
    columns: [
      { header: 'Action' },
      { header: 'About' },
      { header: 'Figure' },
      { header: 'Owner' },
      { header: 'Due', format: date },
      { header: 'Status' },
      { header: 'Overdue' },
    ],
    rows: rows.map((action) => [
      action.title,
      member(action.member),
      metricLabel(action.metricId),
      action.ownerName,
      excelDate(action.dueOn),
      ACTION_STATUS_LABELS[action.status],
      action.isOverdue ? 'Yes' : 'No',
    ]),
  });
  const lost = (label: string, sessions: number) => [label, numberIn('sessions', sessions)];
  const isDivision = agenda.unit.level === 'division';
  // Patients or cases per session of a week or a member: per category where the headline shows them apart.
  const perSession = perSessionColumns(agenda);
  const perSessionHeaders = perSession.map((column) => ({ header: column.label, format: oneDecimal }));
  const specialtyColumn = isDivision ? [{ header: 'Specialty' }] : [];
  return [
    {
      name: 'Headline',
      columns: [
        { header: 'Metric' },
        { header: 'Value' },
        { header: 'Target' },
        { header: 'Target source' },
        { header: 'Variation' },
        { header: 'Assurance' },
      ],
      // The agenda's own label: one category's figure is named for it ("Cases per list").
      rows: [
        ...agenda.headline.map((metric) => [
          metric.label,
          numberIn(metric.unit, metric.value),
          numberIn(metric.unit, metric.target),
          metric.targetSource,
          metric.variation ? VARIATION_LABELS[metric.variation] : 'Too few points for SPC',
          metric.assurance ? ASSURANCE_LABELS[metric.assurance] : null,
        ]),
        ...baselineRows(agenda),
      ],
    },
    {
      name: 'Trend',
      columns: [
        { header: 'Week from', format: date },
        { header: 'Week to', format: date },
        { header: 'Fulfilment (net)', format: percent },
        { header: 'Total delivery', format: percent },
        ...perSessionHeaders,
        { header: 'Patients a week', format: oneDecimal },
      ],
      rows: agenda.trend.map((point) => [
        excelDate(point.from),
        excelDate(point.to),
        point.fulfilmentNet,
        point.totalDelivery,
        ...perSession.map((column) => column.valueOf(point)),
        point.patientsPerWeek,
      ]),
    },
    {
      name: 'Funnel',
      columns: [
        { header: '' },
        { header: 'Delivered (capped)' },
        { header: 'Expected (net)' },
        { header: 'Fulfilment', format: percent },
        { header: '99.8% lower', format: percent },
        { header: '99.8% upper', format: percent },
        { header: 'Position' },
      ],
      rows: agenda.funnel.points.map((point) => [
        member(point.member),
        numberIn('sessions', point.numerator),
        numberIn('sessions', point.denominator),
        point.value,
        point.limits998?.lower ?? null,
        point.limits998?.upper ?? null,
        point.outlierDirection === 'high'
          ? 'Above the limits'
          : point.outlierDirection === 'low'
            ? 'Below the limits'
            : 'Within',
      ]),
    },
    {
      name: 'Lost sessions',
      columns: [{ header: 'Outcome or reason' }, { header: 'Sessions' }],
      rows: [
        lost('Cancelled by the hospital', agenda.lostSessions.byOutcome.hospitalCancelled),
        lost('Not scheduled', agenda.lostSessions.byOutcome.notScheduled),
        lost('Leave, short notice', agenda.lostSessions.byOutcome.leaveShortNotice),
        lost('Leave, adequate notice', agenda.lostSessions.byOutcome.leaveAdequateNotice),
        lost('Sickness', agenda.lostSessions.byOutcome.sickness),
        ...agenda.lostSessions.byReason.map((row) => lost(`Cancelled: ${row.reason}`, row.sessions)),
      ],
    },
    {
      name: 'Workload',
      // A division's consultants come from several specialties: which, where the reader may see it.
      columns: [
        { header: '' },
        ...specialtyColumn,
        { header: 'Month', format: month },
        { header: 'Total delivery', format: percent },
        { header: 'Flag' },
      ],
      rows: agenda.workload.rows.flatMap((row) =>
        row.months.map((entry) => [
          member(row.member),
          ...(isDivision ? [row.specialty ?? SPECIALTY_WITHHELD] : []),
          excelDate(entry.from),
          entry.totalDelivery,
          row.flag === 'over'
            ? 'Sustained over-delivery'
            : row.flag === 'under'
              ? 'Sustained under-delivery'
              : null,
        ]),
      ),
    },
    {
      name: 'For review',
      columns: [
        { header: '' },
        ...specialtyColumn,
        { header: 'Rule' },
        { header: 'Consecutive months', format: whole },
        { header: 'Latest month', format: month },
      ],
      rows: agenda.forReview.map((entry) => [
        member(entry.member),
        ...(isDivision ? [entry.specialty ?? SPECIALTY_WITHHELD] : []),
        entry.rule === 'low_fulfilment'
          ? `Fulfilment below ${percentText(agenda.parameters.reviewFulfilmentBelow)}`
          : `Total delivery above ${percentText(agenda.parameters.reviewTotalDeliveryAbove)}`,
        entry.months,
        excelDate(entry.month),
      ]),
    },
    {
      name: 'Opportunities',
      columns: [
        { header: '' },
        ...perSessionHeaders,
        { header: 'From fulfilment (patients a week)', format: oneDecimal },
        { header: 'From productivity (patients a week)', format: oneDecimal },
        { header: 'Total (patients a week)', format: oneDecimal },
      ],
      rows: agenda.opportunities.rows.map((row) => [
        member(row.member),
        ...perSession.map((column) => column.valueOf(row)),
        row.opportunityPerWeek.fulfilment,
        row.opportunityPerWeek.productivity,
        row.opportunityPerWeek.total,
      ]),
    },
    {
      name: 'Annotations',
      columns: [
        { header: '' },
        { header: 'Session', format: date },
        { header: 'Week from', format: date },
        { header: 'Figure' },
        { header: 'Note' },
        { header: 'Written by' },
      ],
      rows: agenda.annotations.map((row) => [
        member(row.member),
        excelDate(row.sessionDate),
        excelDate(row.weekStart),
        metricLabel(row.metricId),
        row.text,
        row.authorName,
      ]),
    },
    {
      name: 'Challenges',
      columns: [
        { header: '' },
        { header: 'Session', format: date },
        { header: 'Week from', format: date },
        { header: 'Figure' },
        { header: 'Reason' },
        { header: 'Status' },
        { header: 'Resolution' },
      ],
      rows: agenda.challenges.map((row) => [
        member(row.member),
        excelDate(row.sessionDate),
        excelDate(row.weekStart),
        metricLabel(row.metricId),
        row.reason,
        CHALLENGE_STATUS_LABELS[row.status],
        challengeOutcome(row),
      ]),
    },
    actions('Actions carried forward', agenda.actionsCarriedForward),
    actions('New actions', agenda.newActions),
  ];
}

/** The headline's baseline (absent in older snapshots): patients a week a year earlier, and the change since. */
function baselineRows(agenda: AgendaView): (PackCell | FormattedNumber)[][] {
  const { baseline } = agenda;
  if (!baseline) return [];
  const now = agenda.headline.find((metric) => metric.metricId === 'patientsPerWeek')?.value ?? null;
  const change = baselineChange(now, baseline.patientsPerWeek);
  return [
    [
      `Patients per week a year earlier (${describePeriod(baseline.period)})`,
      numberIn('patientsPerWeek', baseline.patientsPerWeek),
      null,
      null,
      null,
      null,
    ],
    [getMetric('baselineChange').label, numberIn('ratio', change), null, null, null, null],
  ];
}
