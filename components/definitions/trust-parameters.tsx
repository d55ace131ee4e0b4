import { formatCount, formatDate } from '@/components/format';
import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';
import { type SummaryItem, SummaryList } from '@/components/ui/summary-list';
import {
  ColumnHeader,
  RowHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@/components/ui/table';
import type { LedgerCoverageResponse, MetricParametersResponse } from '@/lib/shared/schemas/metrics';
import { formatPercent, formatYesNo } from './labels';

/** The escalation rules of reviews (trust parameters, issue 7). */
export interface EscalationParameters {
  reviewFulfilmentBelow: number;
  reviewTotalDeliveryAbove: number;
  reviewMonths: number;
  actionEscalationDays: number;
}

interface TrustParametersProps {
  trustName: string;
  parameters: MetricParametersResponse;
  coverage: LedgerCoverageResponse;
  /** The escalation rules in force; left out, they are not listed. */
  escalation?: EscalationParameters;
}

const CATEGORIES = [
  { category: 'clinic', label: 'Outpatient clinics' },
  { category: 'list', label: 'Theatre and endoscopy lists' },
] as const;

/** A value with a line saying what it does. */
function Explained({ value, explanation }: { value: string; explanation: string }) {
  return (
    <>
      <strong>{value}</strong>
      <span className="block text-nhs-dark-grey">{explanation}</span>
    </>
  );
}

function parameterItems(parameters: MetricParametersResponse): SummaryItem[] {
  return [
    {
      key: 'noticeThresholdDays',
      label: 'Leave-notice threshold',
      value: (
        <Explained
          value={formatCount(parameters.noticeThresholdDays, 'day', 'days')}
          explanation="Leave requested fewer days than this before a session is short notice."
        />
      ),
    },
    {
      key: 'fulfilmentTarget',
      label: 'Fulfilment target',
      value: (
        <Explained
          value={formatPercent(parameters.fulfilmentTarget)}
          explanation="Session fulfilment (net) aimed for; opportunity from fulfilment is measured against it."
        />
      ),
    },
    {
      key: 'dnaIncludesLateNotSeen',
      label: 'DNA includes code 7',
      value: (
        <Explained
          value={formatYesNo(parameters.dnaIncludesLateNotSeen)}
          explanation="Whether patients who arrived late and were not seen (attendance code 7) count as did not attend."
        />
      ),
    },
    {
      key: 'benchmarkMinHeldSessions',
      label: 'Benchmark minimum held sessions',
      value: (
        <Explained
          value={formatCount(parameters.benchmarkMinHeldSessions, 'held session', 'held sessions')}
          explanation="A consultant counts towards the specialty median of patients per session only with at least this many held sessions in the period."
        />
      ),
    },
    {
      key: 'overDeliveryThreshold',
      label: 'Over-delivery threshold',
      value: (
        <Explained
          value={formatPercent(parameters.overDeliveryThreshold)}
          explanation="Total delivery at or above this, month after month, is sustained over-delivery."
        />
      ),
    },
    {
      key: 'underDeliveryThreshold',
      label: 'Under-delivery threshold',
      value: (
        <Explained
          value={formatPercent(parameters.underDeliveryThreshold)}
          explanation="Total delivery below this, month after month, is sustained under-delivery."
        />
      ),
    },
    {
      key: 'sustainedMonths',
      label: 'Sustained for',
      value: (
        <Explained
          value={formatCount(parameters.sustainedMonths, 'month', 'months')}
          explanation="Complete months in a row for over- or under-delivery to be flagged."
        />
      ),
    },
    {
      key: 'jobPlanReviewMonths',
      label: 'Job plan review interval',
      value: (
        <Explained
          value={formatCount(parameters.jobPlanReviewMonths, 'month', 'months')}
          explanation="An agreed job plan older than this is no longer current."
        />
      ),
    },
  ];
}

function escalationItems(escalation: EscalationParameters): SummaryItem[] {
  return [
    {
      key: 'reviewFulfilmentBelow',
      label: 'For review: fulfilment below',
      value: (
        <Explained
          value={formatPercent(escalation.reviewFulfilmentBelow)}
          explanation="A consultant whose session fulfilment (net) is below this in each of the months below goes on their clinical lead’s “for review” list."
        />
      ),
    },
    {
      key: 'reviewTotalDeliveryAbove',
      label: 'For review: total delivery above',
      value: (
        <Explained
          value={formatPercent(escalation.reviewTotalDeliveryAbove)}
          explanation="A consultant whose total delivery is above this in each of the months below goes on the “for review” list (a workload signal)."
        />
      ),
    },
    {
      key: 'reviewMonths',
      label: 'For review after',
      value: (
        <Explained
          value={formatCount(escalation.reviewMonths, 'complete month', 'complete months in a row')}
          explanation="How long fulfilment or total delivery must stay outside its threshold before a consultant is put forward for review."
        />
      ),
    },
    {
      key: 'actionEscalationDays',
      label: 'Action escalation',
      value: (
        <Explained
          value={`Overdue by more than ${formatCount(escalation.actionEscalationDays, 'day', 'days')}`}
          explanation="An open action overdue by more than this escalates to the divisional director; both lists show on the overview for the people concerned."
        />
      ),
    },
  ];
}

/** The trust's parameters in force and the dates the session ledger covers for each kind of activity. */
export function TrustParameters({ trustName, parameters, coverage, escalation }: TrustParametersProps) {
  return (
    <Panel id="parameters" aria-labelledby="parameters-heading" className="scroll-mt-6">
      <SectionHeading id="parameters-heading">Parameters in force</SectionHeading>
      <p className="mb-6 max-w-4xl">
        Every number Fulfil shows for {trustName} is calculated with these parameters (the defaults of the
        metric dictionary unless the trust has set its own).
      </p>
      <SummaryList items={parameterItems(parameters)} />
      {escalation && (
        <>
          <h3 id="escalation-rules" className="mt-8 mb-4 scroll-mt-6 text-[1.375rem] font-bold">
            Escalation rules for reviews
          </h3>
          <SummaryList items={escalationItems(escalation)} />
        </>
      )}

      <Table caption="Dates the session ledger covers">
        <TableHead>
          <TableRow>
            <ColumnHeader>Activity</ColumnHeader>
            <ColumnHeader>From</ColumnHeader>
            <ColumnHeader>To</ColumnHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {CATEGORIES.map(({ category, label }) => {
            const span = coverage[category];
            return (
              <TableRow key={category}>
                <RowHeader>{label}</RowHeader>
                {span ? (
                  <>
                    <TableCell>
                      <time dateTime={span.from}>{formatDate(span.from)}</time>
                    </TableCell>
                    <TableCell>
                      <time dateTime={span.to}>{formatDate(span.to)}</time>
                    </TableCell>
                  </>
                ) : (
                  <TableCell colSpan={2}>No extracts imported yet</TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <p className="mt-4 max-w-4xl text-nhs-dark-grey">
        For each kind of activity, from the first to the last date in its extracts: a planned session outside
        these dates is not judged, because no extract could show it delivered.
      </p>
    </Panel>
  );
}
