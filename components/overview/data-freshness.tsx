import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';
import { getDataCoverage } from '@/lib/server/dal/organisation';
import type { Scope } from '@/lib/shared/scope';
import { DataCoverageTable } from './data-coverage-table';

/** Per source: rows imported, the dates they cover and when it was last imported, so that readers know how fresh
 * the numbers are. */
export async function DataFreshness({ scope }: { scope: Scope }) {
  const coverage = await getDataCoverage(scope);
  return (
    <Panel aria-labelledby="data-freshness-heading">
      <SectionHeading id="data-freshness-heading">Data freshness</SectionHeading>
      <p className="mb-6 max-w-3xl">
        The rows imported from each source, the dates they cover, and when the source was last imported (times
        in UK time).
      </p>
      <DataCoverageTable coverage={coverage} now={new Date()} />
    </Panel>
  );
}
