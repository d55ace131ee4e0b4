import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ActionsTable } from '@/components/reviews/actions-table';
import { PagedActionsTable } from '@/components/reviews/paged-actions-table';
import { SectionHeading } from '@/components/ui/heading';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { getPageCaller } from '@/lib/server/api/caller';
import { getDatabase } from '@/lib/server/db';
import { getEscalatedActions } from '@/lib/server/reviews/escalated-actions';
import { getMyActions, listOthersActionsInUnits } from '@/lib/server/reviews/read-actions';
import { pageNumberOf } from '@/lib/shared/page-number';

export const metadata: Metadata = { title: 'My actions' };

type SearchParams = Record<string, string | string[] | undefined>;

/** The address of a page of the units' actions: the page in the URL, the reader taken to the list. */
const unitsPageHref = (page: number) =>
  page === 1 ? '/actions#units-heading' : `/actions?page=${page}#units-heading`;

/**
 * "My actions" for everyone; for those who run reviews, the open actions others own in their units (a page at a
 * time, `?page=`) and the actions overdue long enough to escalate.
 */
export default async function ActionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await connection();
  const caller = await getPageCaller('metrics:view', '/actions');
  const database = await getDatabase();
  const runsReviews = caller.permissions.has('reviews:run');
  const page = pageNumberOf((await searchParams).page);
  const [mine, escalated, othersInUnits] = await Promise.all([
    getMyActions(database, caller),
    runsReviews ? getEscalatedActions(database, caller) : Promise.resolve(null),
    // Those who run reviews follow their units' actions too, whoever owns them now.
    runsReviews ? listOthersActionsInUnits(database, caller, { page }) : Promise.resolve(null),
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
      {othersInUnits && (
        <Panel aria-labelledby="units-heading">
          <SectionHeading id="units-heading">Open actions others own in your units</SectionHeading>
          <PagedActionsTable
            caption="Open actions others own in your units"
            found={othersInUnits}
            hrefOf={unitsPageHref}
            emptyText="No open actions in your units are owned by someone else."
          />
        </Panel>
      )}
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
