import { formatMetricValue } from '@/components/charts/format-value';
import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';
import { SummaryList } from '@/components/ui/summary-list';
import { getDatabase } from '@/lib/server/db';
import { getJobPlanCurrency } from '@/lib/server/metrics/job-plan-currency';
import { describePeriod } from '@/lib/shared/periods';
import type { Scope } from '@/lib/shared/scope';

/** Share of consultants with a current agreed job plan on the period's last day, and what the rest lack. */
export async function JobPlanCurrencySummary({ scope, asOf }: { scope: Scope; asOf: string }) {
  const currency = await getJobPlanCurrency(await getDatabase(), scope, { asOf });
  return (
    <Panel aria-labelledby="job-plan-currency-heading">
      <SectionHeading id="job-plan-currency-heading">Job plan currency</SectionHeading>
      <p className="mb-4">
        <a href="/definitions#jobPlanCurrency">
          Consultants with an agreed job plan reviewed in the last {currency.reviewMonths} months
        </a>{' '}
        on {describePeriod({ from: asOf, to: asOf }).slice(0, 10)}:{' '}
        <strong className="text-[1.75rem]" data-testid="job-plan-currency-share">
          {formatMetricValue('ratio', currency.share)}
        </strong>{' '}
        of {currency.consultants.length} consultants.
      </p>
      <SummaryList
        items={[
          { key: 'Current', label: 'Current', value: String(currency.counts.current) },
          { key: 'Review overdue', label: 'Review overdue', value: String(currency.counts.review_overdue) },
          { key: 'Draft only', label: 'Draft only', value: String(currency.counts.draft_only) },
          { key: 'Expired', label: 'Expired', value: String(currency.counts.expired) },
          { key: 'Missing', label: 'Missing', value: String(currency.counts.missing) },
        ]}
      />
    </Panel>
  );
}
