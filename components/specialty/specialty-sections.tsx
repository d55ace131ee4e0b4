import 'server-only';
import {
  loadJobPlanCurrency,
  loadReport,
  loadSeries,
  loadWorkloadBalance,
} from '@/components/dashboard/load-metrics';
import type { Caller } from '@/lib/server/api/caller';
import { recordNamedViews } from '@/lib/server/audit/named-views';
import { SpecialtySpc } from './specialty-charts';
import { ConsultantsPanel, WorkloadSection } from './specialty-panels';
import type { SpecialtyRequests } from './specialty-requests';

/*
 * The specialty page's widgets as the server paints them first, each behind its own Suspense boundary; the client
 * widgets refetch from the metrics API when a filter changes.
 */

interface SectionProps {
  caller: Caller;
  specialtyId: number;
  requests: SpecialtyRequests;
}

export async function ConsultantsSection({
  caller,
  specialtyId,
  specialtyName,
  requests,
}: SectionProps & { specialtyName: string }) {
  const [consultants, specialty, workload, currency] = await Promise.all([
    loadReport(caller.scope, requests.consultants),
    loadReport(caller.scope, requests.specialty),
    loadWorkloadBalance(caller.scope, requests.workload),
    loadJobPlanCurrency(caller.scope, requests.currency),
  ]);
  await recordNamedViews(
    caller,
    consultants.rows.map((row) => row.id),
    {
      view: 'specialty-page',
      specialtyId,
      from: requests.consultants.from,
      to: requests.consultants.to,
      activity: requests.consultants.activity,
    },
  );
  return (
    <ConsultantsPanel
      specialtyId={specialtyId}
      specialtyName={specialtyName}
      ownConsultantIds={caller.scope.viewer?.consultantIds ?? []}
      initial={{
        consultants: { request: requests.consultants, data: consultants },
        specialty: { request: requests.specialty, data: specialty },
        workload: { request: requests.workload, data: workload },
        currency: { request: requests.currency, data: currency },
      }}
    />
  );
}

export async function SpecialtySpcSection({ caller, specialtyId, requests }: SectionProps) {
  const [weekly, specialty] = await Promise.all([
    loadSeries(caller.scope, requests.weekly),
    loadReport(caller.scope, requests.specialty),
  ]);
  return (
    <SpecialtySpc
      specialtyId={specialtyId}
      initial={{
        request: requests.weekly,
        data: weekly,
        fulfilmentTarget: specialty.parameters.fulfilmentTarget,
      }}
    />
  );
}

export async function WorkloadBalanceSection({ caller, specialtyId, requests }: SectionProps) {
  const [consultants, workload] = await Promise.all([
    loadReport(caller.scope, requests.consultants),
    loadWorkloadBalance(caller.scope, requests.workload),
  ]);
  return (
    <WorkloadSection
      specialtyId={specialtyId}
      initial={{
        consultants: { request: requests.consultants, data: consultants },
        workload: { request: requests.workload, data: workload },
      }}
    />
  );
}
