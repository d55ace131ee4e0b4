import type { MetricDefinition } from '@/lib/shared/metrics';
import { describeDirection, describeUnit, formatMetricValue } from './labels';

interface MetricDefinitionEntryProps {
  metric: MetricDefinition;
  /** The target this trust's parameters set, when one does (e.g. the fulfilment target). */
  targetInForce?: { value: number; source: string };
}

/**
 * One metric of the registry. Its id is the anchor tooltips elsewhere link to (`/definitions#fulfilmentNet`);
 * the targeted metric is marked with a blue rule.
 */
export function MetricDefinitionEntry({ metric, targetInForce }: MetricDefinitionEntryProps) {
  const headingId = `${metric.id}-heading`;
  return (
    <article
      id={metric.id}
      aria-labelledby={headingId}
      className="scroll-mt-6 border-t border-nhs-mid-grey py-6 first:border-t-0 first:pt-0 target:border-l-8 target:border-l-nhs-blue target:pl-4"
    >
      <h3 id={headingId} className="mb-2 text-[1.375rem] leading-tight font-bold">
        {metric.label}
      </h3>
      <dl className="grid max-w-4xl gap-x-6 gap-y-2 sm:grid-cols-[11rem_1fr]">
        <dt className="font-bold">Formula</dt>
        <dd>{metric.formula}</dd>
        <dt className="font-bold">Direction</dt>
        <dd>{describeDirection(metric.direction)}</dd>
        <dt className="font-bold">Unit</dt>
        <dd>{describeUnit(metric.unit)}</dd>
        <dt className="font-bold">Default target</dt>
        <dd>
          {metric.defaultTarget ? (
            <>
              {formatMetricValue(metric.defaultTarget.value, metric.unit)}
              <span className="block text-nhs-dark-grey">Source: {metric.defaultTarget.source}</span>
            </>
          ) : (
            'None'
          )}
        </dd>
        {targetInForce && (
          <>
            <dt className="font-bold">Target in force</dt>
            <dd>
              {formatMetricValue(targetInForce.value, metric.unit)}
              <span className="block text-nhs-dark-grey">{targetInForce.source}</span>
            </dd>
          </>
        )}
      </dl>
    </article>
  );
}
