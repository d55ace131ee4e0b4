import 'server-only';
import { loadJobPlanCurrency, loadReport, loadSeries } from '@/components/dashboard/load-metrics';
import type { Scope } from '@/lib/shared/scope';
import { HeadlineTiles } from './headline-tiles';
import { JobPlanCurrencySummary } from './job-plan-currency-summary';
import type { OverviewRequests } from './overview-requests';
import { SpecialtyComparison } from './specialty-comparison';
import { SpecialtyFunnel } from './specialty-funnel';

/*
 * The overview's widgets as the server paints them first: each loads its own numbers (so each streams in behind
 * its own Suspense boundary) and hands them to the client widget, which refetches when a filter changes.
 */

interface SectionProps {
  scope: Scope;
  requests: OverviewRequests;
}

export async function HeadlineTilesSection({ scope, requests }: SectionProps) {
  const [headline, weekly, baseline] = await Promise.all([
    loadReport(scope, requests.headline),
    loadSeries(scope, requests.weekly),
    loadReport(scope, requests.baseline),
  ]);
  return <HeadlineTiles initial={{ requests, headline, weekly, baseline }} />;
}

export async function SpecialtyComparisonSection({ scope, requests }: SectionProps) {
  const [specialties, baseline] = await Promise.all([
    loadReport(scope, requests.specialties),
    loadReport(scope, requests.specialtiesBaseline),
  ]);
  return (
    <SpecialtyComparison
      initial={{
        specialties: { request: requests.specialties, data: specialties },
        baseline: { request: requests.specialtiesBaseline, data: baseline },
      }}
    />
  );
}

export async function SpecialtyFunnelSection({ scope, requests }: SectionProps) {
  const data = await loadReport(scope, requests.specialties);
  return <SpecialtyFunnel initial={{ request: requests.specialties, data }} />;
}

export async function JobPlanCurrencySection({ scope, requests }: SectionProps) {
  const data = await loadJobPlanCurrency(scope, requests.currency);
  return <JobPlanCurrencySummary initial={{ request: requests.currency, data }} />;
}
