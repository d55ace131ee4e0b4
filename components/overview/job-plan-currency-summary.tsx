'use client';

import { formatMetricValue } from '@/components/charts/format-value';
import { QueryRegion } from '@/components/dashboard/query-region';
import { useDashboardFilter } from '@/components/filters/dashboard-filter-context';
import { formatCount } from '@/components/format';
import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';
import { SummaryList } from '@/components/ui/summary-list';
import { useJobPlanCurrency } from '@/lib/client/hooks/use-job-plan-currency';
import type { JobPlanCurrencyRequest, JobPlanCurrencyResponse } from '@/lib/client/metrics-requests';
import { describePeriod } from '@/lib/shared/periods';
import { overviewRequests } from './overview-requests';

/** Share of consultants with a current agreed job plan on the period's last day, and what the rest lack. */
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
          </>
        )}
      </QueryRegion>
    </Panel>
  );
}
