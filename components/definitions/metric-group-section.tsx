import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';
import type { MetricDefinition } from '@/lib/shared/metrics';
import type { MetricGroup } from './labels';
import { MetricDefinitionEntry } from './metric-definition';

interface MetricGroupSectionProps {
  group: MetricGroup;
  title: string;
  description: string;
  metrics: readonly MetricDefinition[];
  targetsInForce: Partial<Record<string, { value: number; source: string }>>;
}

/** The anchor of a group's section on the Definitions page. */
export function metricGroupAnchor(group: MetricGroup): string {
  return `metrics-${group}`;
}

/** One group of the metric registry: its metrics in registry order. */
export function MetricGroupSection({
  group,
  title,
  description,
  metrics,
  targetsInForce,
}: MetricGroupSectionProps) {
  const anchor = metricGroupAnchor(group);
  return (
    <Panel id={anchor} aria-labelledby={`${anchor}-heading`} className="scroll-mt-6">
      <SectionHeading id={`${anchor}-heading`}>{title}</SectionHeading>
      <p className="mb-6 max-w-4xl">{description}</p>
      {metrics.map((metric) => (
        <MetricDefinitionEntry key={metric.id} metric={metric} targetInForce={targetsInForce[metric.id]} />
      ))}
    </Panel>
  );
}
