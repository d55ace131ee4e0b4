import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { AdminBreadcrumbs } from '@/components/admin/admin-breadcrumbs';
import { MetricTargetsManager } from '@/components/admin/metric-targets-manager';
import { TrustParametersForm } from '@/components/admin/trust-parameters-form';
import { PageHeader } from '@/components/ui/page-header';
import { getPageCaller } from '@/lib/server/api/caller';
import { listMetricTargets } from '@/lib/server/dal/metric-targets';
import { getTrustParameters } from '@/lib/server/dal/trust-parameters';

export const metadata: Metadata = { title: 'Trust parameters' };

export default async function TrustParametersPage() {
  await connection();
  const caller = await getPageCaller('parameters:manage', '/admin/parameters');
  const [parameters, targets] = await Promise.all([getTrustParameters(caller), listMetricTargets(caller)]);
  return (
    <>
      <AdminBreadcrumbs />
      <PageHeader title="Trust parameters">
        <p>
          The settings every number in Fulfil is calculated with. They are shown beside the numbers they
          affect and on the <Link href="/definitions#parameters">Definitions</Link> page, so that everyone
          reads the numbers the same way.
        </p>
      </PageHeader>
      <TrustParametersForm initialParameters={parameters} />
      <MetricTargetsManager initialTargets={targets} />
    </>
  );
}
