import { formatChange, formatMetricValue } from '@/components/charts/format-value';
import { baselineChange } from '@/lib/shared/baseline-change';
import type { MetricUnit } from '@/lib/shared/metrics';
import { describeWeeks } from '@/lib/shared/periods';
import type { AgendaView, MemberView } from '@/lib/shared/review-agenda';

/*
 * Presenter notes: for each screen of the agenda, the few points worth saying, worked out from its numbers. The
 * same for every specialty (the agenda is standardised), and phrased to start a conversation, not to blame.
 */

const percent = (value: number | null) => formatMetricValue('ratio', value);
const who = (member: MemberView | null) => (member === null ? 'the unit' : member.name);

const ASSURANCE = {
  pass: 'consistently passes its target',
  fail: 'consistently fails its target',
  inconsistent: 'hits and misses its target',
} as const;

export function screenNotes(agenda: AgendaView): Record<string, string[]> {
  const outliersLow = agenda.funnel.points.filter((point) => point.outlierDirection === 'low');
  const outliersHigh = agenda.funnel.points.filter((point) => point.outlierDirection === 'high');
  const topReason = agenda.lostSessions.byReason[0];
  const topOpportunity = agenda.opportunities.rows[0];
  const overdue = agenda.actionsCarriedForward.filter((action) => action.isOverdue);
  const byStatus = (status: string) =>
    agenda.actionsCarriedForward.filter((action) => action.status === status).length;
  return {
    headline: agenda.headline.flatMap((metric) => {
      const points: string[] = [];
      const baseline = agenda.baseline?.patientsPerWeek ?? null;
      if (metric.metricId === 'patientsPerWeek' && metric.value !== null && baseline !== null) {
        const change = baselineChange(metric.value, baseline);
        points.push(
          `Patients per week: ${formatMetricValue('patientsPerWeek', metric.value)} against ${formatMetricValue('patientsPerWeek', baseline)} in the same weeks a year earlier (${formatChange(change)}).`,
        );
      }
      if (metric.target !== null && metric.value !== null) {
        const unit = metric.unit as MetricUnit;
        points.push(
          `${metric.label}: ${formatMetricValue(unit, metric.value)} against a target of ${formatMetricValue(unit, metric.target)}${
            metric.assurance ? `; it ${ASSURANCE[metric.assurance]}` : ''
          }.`,
        );
      }
      if (metric.variation?.startsWith('concern'))
        points.push(`${metric.label} shows special cause concern: what changed?`);
      if (metric.variation?.startsWith('improvement'))
        points.push(`${metric.label} shows special cause improvement: what worked?`);
      return points;
    }),
    trend: [
      `Trend over ${describeWeeks(agenda.trend)}; the limits separate signal from noise.`,
      'Ask about any run or point outside the limits before discussing single weeks.',
    ],
    funnel: [
      outliersLow.length + outliersHigh.length === 0
        ? 'Everyone is within the limits: the variation is what chance alone would give.'
        : `Outside the limits: ${[...outliersLow, ...outliersHigh].map((point) => who(point.member)).join(', ')}. Start with what they say about it.`,
    ],
    lostSessions: [
      `${formatMetricValue('sessions', agenda.lostSessions.byOutcome.hospitalCancelled + agenda.lostSessions.byOutcome.notScheduled)} sessions lost (cancelled or not scheduled); ${formatMetricValue('sessions', agenda.lostSessions.byOutcome.leaveShortNotice)} on short-notice leave.`,
      ...(topReason ? [`Most common cancellation reason: ${topReason.reason} (${topReason.sessions}).`] : []),
    ],
    workload: [
      `${agenda.forReview.length} on the “for review” list (below ${percent(agenda.parameters.reviewFulfilmentBelow)} fulfilment or above ${percent(agenda.parameters.reviewTotalDeliveryAbove)} total delivery for ${agenda.parameters.reviewMonths} months).`,
      'Sustained over-delivery is a workload and wellbeing question as much as under-delivery is a capacity one.',
    ],
    opportunities: [
      `${formatMetricValue('patientsPerWeek', agenda.opportunities.total)} patients a week if fulfilment met the target and productivity the benchmark.`,
      ...(topOpportunity ? [`Largest single opportunity: ${who(topOpportunity.member)}.`] : []),
    ],
    annotations: [
      `${agenda.annotations.length} annotations and ${agenda.challenges.filter((row) => row.status === 'open').length} open challenges.`,
      'Let the consultants explain their own context first.',
    ],
    actionsCarriedForward: [
      `${byStatus('open')} open, ${byStatus('in_progress')} in progress, ${byStatus('done')} done, ${byStatus('dropped')} dropped.`,
      ...(overdue.length > 0 ? [`${overdue.length} overdue: agree a new date or drop them.`] : []),
    ],
    newActions: ['Each action needs one owner and a due date.'],
  };
}
