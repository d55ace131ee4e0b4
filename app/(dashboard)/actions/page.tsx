import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ActionsTable } from '@/components/reviews/actions-table';
import { SectionHeading } from '@/components/ui/heading';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { getPageCaller } from '@/lib/server/api/caller';
import { getDatabase } from '@/lib/server/db';
import { getEscalatedActions } from '@/lib/server/reviews/escalated-actions';
import { getMyActions } from '@/lib/server/reviews/read-actions';

export const metadata: Metadata = { title: 'My actions' };

/** "My actions" for everyone; for those who run reviews, the actions overdue long enough to escalate. */
export default async function ActionsPage() {
  await connection();
  const caller = await getPageCaller('metrics:view', '/actions');
  const database = await getDatabase();
  const [mine, escalated] = await Promise.all([
    getMyActions(database, caller),
    caller.permissions.has('reviews:run') ? getEscalatedActions(database, caller) : Promise.resolve(null),
  ]);
  return (
    <>
      <PageHeader caption="Reviews" title="My actions">
        <p>
          Actions you own, from <Link href="/reviews">review meetings</Link> and elsewhere. Overdue ones are
          marked.
        </p>
      </PageHeader>
      <Panel aria-labelledby="mine-heading">
        <SectionHeading id="mine-heading">Actions you own</SectionHeading>
        {mine.length === 0 ? (
          <p>You own no actions.</p>
        ) : (
          <ActionsTable caption="Actions you own" actions={mine} />
        )}
      </Panel>
      {escalated && (
        <Panel aria-labelledby="escalated-heading">
          <SectionHeading id="escalated-heading">Escalated actions</SectionHeading>
          <p className="mb-4">
            Open actions overdue by more than the trust’s escalation period go to the divisional director.
          </p>
          {escalated.length === 0 ? (
            <p>No actions are overdue long enough to escalate.</p>
          ) : (
            <ActionsTable
              caption="Escalated actions"
              actions={escalated}
              escalatedTo={
                new Map(
                  escalated.map((action) => [
                    action.id,
                    action.escalatedTo.map((person) => person.name).join(', '),
                  ]),
                )
              }
            />
          )}
        </Panel>
      )}
    </>
  );
}
