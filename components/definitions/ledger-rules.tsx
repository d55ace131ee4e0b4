import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';

/** The rules the session ledger applies where the metric dictionary leaves a case open. */
export function LedgerRules({ rules }: { rules: readonly { title: string; rule: string }[] }) {
  return (
    <Panel id="ledger-rules" aria-labelledby="ledger-rules-heading" className="scroll-mt-6">
      <SectionHeading id="ledger-rules-heading">How the session ledger is built</SectionHeading>
      <p className="mb-6 max-w-4xl">
        Each job-planned clinic and list is matched with the clinic, theatre and leave records for it, and
        given exactly one outcome. Where a case is not obvious, these rules decide.
      </p>
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
