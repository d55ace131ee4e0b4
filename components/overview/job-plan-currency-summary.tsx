'use client';

import Link from 'next/link';
import { formatMetricValue } from '@/components/charts/format-value';
import { QueryRegion } from '@/components/dashboard/query-region';
import { useDashboardFilter } from '@/components/filters/dashboard-filter-context';
import { formatCount, formatDate } from '@/components/format';
import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { SummaryList } from '@/components/ui/summary-list';
import {
  ColumnHeader,
  RowHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@/components/ui/table';
import { useJobPlanCurrency } from '@/lib/client/hooks/use-job-plan-currency';
import type { JobPlanCurrencyRequest, JobPlanCurrencyResponse } from '@/lib/client/metrics-requests';
import { describePeriod } from '@/lib/shared/periods';
import { overviewRequests } from './overview-requests';

const STATUS_LABELS = {
  review_overdue: 'Review overdue',
  draft_only: 'Draft only',
  expired: 'Expired',
  missing: 'Missing',
} as const;

/**
 * Share of consultants with a current agreed job plan on the period's last day, what the rest lack, and who they
 * are (those the reader sees named), each linking to their page.
 */
export function JobPlanCurrencySummary({
  initial,
}: {
  initial: { request: JobPlanCurrencyRequest; data: JobPlanCurrencyResponse };
}) {
  const filter = useDashboardFilter();
  const query = useJobPlanCurrency(overviewRequests(filter).currency, initial);
  const currency = query.data;
  return (
    <Panel aria-labelledby="job-plan-currency-heading">
      <SectionHeading id="job-plan-currency-heading">Job plan currency</SectionHeading>
      <QueryRegion queries={[query]} label="job plan currency">
        {currency && (
          <>
            <p className="mb-4">
              <a href="/definitions#jobPlanCurrency">
                Consultants with an agreed job plan reviewed in the last {currency.reviewMonths} months
              </a>{' '}
              on {describePeriod({ from: currency.asOf, to: currency.asOf }).slice(0, 10)}:{' '}
              <strong className="text-[1.75rem]" data-testid="job-plan-currency-share">
                {formatMetricValue('ratio', currency.share)}
              </strong>{' '}
              of {formatCount(currency.consultantCount, 'consultant')}.
            </p>
            <SummaryList
              items={[
                { key: 'Current', label: 'Current', value: String(currency.counts.current ?? 0) },
                {
                  key: 'Review overdue',
                  label: 'Review overdue',
                  value: String(currency.counts.review_overdue ?? 0),
                },
                { key: 'Draft only', label: 'Draft only', value: String(currency.counts.draft_only ?? 0) },
                { key: 'Expired', label: 'Expired', value: String(currency.counts.expired ?? 0) },
                { key: 'Missing', label: 'Missing', value: String(currency.counts.missing ?? 0) },
              ]}
            />
            {currency.notCurrent.length > 0 && (
              <details className="mt-4">
                <summary className="cursor-pointer text-nhs-blue underline">
                  Consultants without a current job plan ({currency.notCurrent.length})
                </summary>
                <ScrollRegion label="Consultants without a current job plan">
                  <Table caption="Consultants without a current job plan" isCaptionHidden>
                    <TableHead>
                      <TableRow>
                        <ColumnHeader>Consultant</ColumnHeader>
                        <ColumnHeader>Job plan</ColumnHeader>
                        <ColumnHeader>Last plan ended</ColumnHeader>
                      </TableRow>
                    </TableHead>
                    <TableBody>
                      {currency.notCurrent.map((consultant) => (
                        <TableRow key={consultant.consultantId} data-job-plan-status={consultant.status}>
                          <RowHeader>
                            <Link href={`/consultants/${consultant.consultantId}`}>{consultant.name}</Link>
                          </RowHeader>
                          <TableCell>{STATUS_LABELS[consultant.status]}</TableCell>
                          <TableCell>{consultant.endedOn ? formatDate(consultant.endedOn) : ''}</TableCell>
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                </ScrollRegion>
              </details>
            )}
          </>
        )}
      </QueryRegion>
    </Panel>
  );
}
