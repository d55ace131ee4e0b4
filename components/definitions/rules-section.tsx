import type { ReactNode } from 'react';
import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';

/** A titled list of rules on the definitions page (how the ledger is built, how the charts are read). */
export function RulesSection({
  id,
  title,
  intro,
  rules,
}: {
  id: string;
  title: string;
  intro: ReactNode;
  rules: readonly { title: string; rule: string }[];
}) {
  return (
    <Panel id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-6">
      <SectionHeading id={`${id}-heading`}>{title}</SectionHeading>
      <p className="mb-6 max-w-4xl">{intro}</p>
      <dl className="max-w-4xl">
        {rules.map((rule) => (
          <div key={rule.title} className="border-t border-nhs-mid-grey py-4 first:border-t-0 first:pt-0">
            <dt className="mb-1 font-bold">{rule.title}</dt>
            <dd>{rule.rule}</dd>
          </div>
        ))}
      </dl>
    </Panel>
  );
}
