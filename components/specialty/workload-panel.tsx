import { LostSessionsBar } from '@/components/charts/lost-sessions-bar';
import { WorkloadChart } from '@/components/charts/workload-chart';
import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';
import type { WorkloadFlag } from '@/lib/server/metrics/workload-balance';
import type { UnitReportRowResponse as UnitReportRow } from '@/lib/shared/schemas/metrics';

/** Lost sessions by reason and total delivery per consultant. */
export function WorkloadPanel({
  rows,
  flags,
  period,
  over,
  under,
  flagWindow,
}: {
  rows: UnitReportRow[];
  flags: ReadonlyMap<string, WorkloadFlag>;
  period: string;
  over: number;
  under: number;
  flagWindow: string | null;
}) {
  return (
    <Panel aria-labelledby="workload-heading">
      <SectionHeading id="workload-heading">Lost sessions and workload balance</SectionHeading>
      <h3 className="mb-3 text-[1.375rem] font-bold">
        <a href="/definitions#lostSessions">Lost sessions</a> and leave, by reason
      </h3>
      <LostSessionsBar
        label={`Sessions lost or given up to leave per consultant, by reason, ${period}`}
        rows={rows.map((row) => ({ label: row.name, ...row.lost }))}
        caption={`Planned sessions not delivered, ${period}: cancelled by the hospital and not scheduled are lost; leave and sickness are shown beside them.`}
      />
      <h3 className="mt-6 mb-3 text-[1.375rem] font-bold">
        <a href="/definitions#totalDelivery">Total delivery</a> per consultant
      </h3>
      <WorkloadChart
        label={`Total delivery per consultant, ${period}`}
        rows={rows.map((row) => ({
          label: row.name,
          totalDelivery: row.totalDelivery,
          flag: flags.get(row.key) ?? null,
        }))}
        over={over}
        under={under}
        caption={`Delivered and additional sessions ÷ expected (net), ${period}. Flags mark sustained over- or under-delivery${flagWindow ? ` in every month of ${flagWindow}` : ''}.`}
      />
    </Panel>
  );
}
