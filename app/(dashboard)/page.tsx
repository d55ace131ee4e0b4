import { connection } from 'next/server';
import { NoDataYet } from '@/components/onboarding/no-data-yet';
import { DataCoverageTable } from '@/components/overview/data-coverage-table';
import { SectionHeading } from '@/components/ui/heading';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { getPageCaller } from '@/lib/server/api/caller';
import { getCurrentOrganisation, getDataCoverage } from '@/lib/server/dal/organisation';

export default async function OverviewPage() {
  await connection();
  const caller = await getPageCaller('metrics:view', '/');
  const organisation = await getCurrentOrganisation();
  if (!organisation) {
    return (
      <>
        <PageHeader title="Overview" />
        <NoDataYet />
      </>
    );
  }
  const coverage = await getDataCoverage(caller.scope);
  return (
    <>
      <PageHeader caption="Overview" title={organisation.name} />
      <Panel aria-labelledby="data-coverage-heading">
        <SectionHeading id="data-coverage-heading">Data coverage</SectionHeading>
        <p className="mb-6 max-w-3xl">The rows imported from each source and the dates they cover.</p>
        <DataCoverageTable coverage={coverage} />
      </Panel>
      <Panel aria-labelledby="dashboards-heading">
        <SectionHeading id="dashboards-heading">Dashboards</SectionHeading>
        <p className="max-w-3xl">
          Session fulfilment, cases per session and lost capacity, by division, specialty and consultant,
          arrive with the metrics engine. They will be calculated by matching every job-planned session with
          the clinic, theatre and leave records for it.
        </p>
      </Panel>
    </>
  );
}
