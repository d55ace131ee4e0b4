import type { Metadata } from 'next';
import { connection } from 'next/server';
import { METRIC_GROUPS } from '@/components/definitions/labels';
import { MetricGroupSection, metricGroupAnchor } from '@/components/definitions/metric-group-section';
import { RulesSection } from '@/components/definitions/rules-section';
import { TrustParameters } from '@/components/definitions/trust-parameters';
import { SectionHeading } from '@/components/ui/heading';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { getPageCaller } from '@/lib/server/api/caller';
import { getCurrentOrganisation } from '@/lib/server/dal/organisation';
import { getDatabase } from '@/lib/server/db';
import { getMetricContext } from '@/lib/server/metrics/context';
import { getReviewParameters } from '@/lib/server/reviews/parameters';
import { CHART_RULES } from '@/lib/shared/chart-rules';
import { LEDGER_RULES, METRICS } from '@/lib/shared/metrics';

export const metadata: Metadata = { title: 'Definitions' };

export default async function DefinitionsPage() {
  await connection();
  const caller = await getPageCaller('metrics:view', '/definitions');
  const database = await getDatabase();
  const [context, organisation, escalation] = await Promise.all([
    getMetricContext(database, caller.organisationId),
    getCurrentOrganisation(),
    getReviewParameters(database, caller.organisationId),
  ]);
  // The fulfilment target is a trust parameter: show the one in force beside the registry's default.
  const targetsInForce = context
    ? {
        fulfilmentNet: {
          value: context.parameters.fulfilmentTarget,
          source: 'Set by the trust parameter “fulfilment target” (see Parameters in force).',
        },
      }
    : {};
  const groups = METRIC_GROUPS.map((entry) => ({
    ...entry,
    metrics: METRICS.filter((metric) => metric.group === entry.group),
  })).filter((entry) => entry.metrics.length > 0);

  return (
    <>
      <PageHeader title="Definitions">
        <p>
          How every number in Fulfil is calculated, with the parameters in force, so that everyone reads the
          numbers the same way.
        </p>
      </PageHeader>

      <Panel aria-labelledby="contents-heading">
        <SectionHeading id="contents-heading">Contents</SectionHeading>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            <a href="#parameters">Parameters in force</a>
          </li>
          {groups.map((entry) => (
            <li key={entry.group}>
              <a href={`#${metricGroupAnchor(entry.group)}`}>{entry.title}</a>
            </li>
          ))}
          <li>
            <a href="#ledger-rules">How the session ledger is built</a>
          </li>
          <li>
            <a href="#chart-rules">How the charts are read</a>
          </li>
        </ul>
      </Panel>

      <TrustParameters
        trustName={organisation?.name ?? ''}
        parameters={context.parameters}
        coverage={context.coverage}
        escalation={escalation}
      />

      {groups.map((entry) => (
        <MetricGroupSection
          key={entry.group}
          group={entry.group}
          title={entry.title}
          description={entry.description}
          metrics={entry.metrics}
          targetsInForce={targetsInForce}
        />
      ))}

      <RulesSection
        id="ledger-rules"
        title="How the session ledger is built"
        intro="Each job-planned clinic and list is matched with the clinic, theatre and leave records for it, and given exactly one outcome. Where a case is not obvious, these rules decide."
        rules={LEDGER_RULES}
      />
      <RulesSection
        id="chart-rules"
        title="How the charts are read"
        intro="Variation is shown with statistics that separate signal from noise, not league tables: SPC charts over time, funnel plots across consultants or specialties."
        rules={CHART_RULES}
      />
    </>
  );
}
