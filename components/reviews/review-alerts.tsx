import Link from 'next/link';
import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';
import type { Caller } from '@/lib/server/api/caller';
import { getDatabase } from '@/lib/server/db';
import { getEscalatedActions } from '@/lib/server/reviews/escalated-actions';
import { getForReviewList } from '@/lib/server/reviews/for-review';
import { getMyActions } from '@/lib/server/reviews/read-actions';
import { todayInLondon } from '@/lib/shared/periods';

/**
 * What the escalation rules ask of the person looking, for the overview: their overdue actions; and, for those who
 * run reviews, who is on their "for review" list and which actions have escalated to them. Nothing at all when
 * there is nothing to do. A server component: drop it into a page with the page's caller.
 */
export async function ReviewAlerts({ caller }: { caller: Caller }) {
  const database = await getDatabase();
  const runsReviews = caller.permissions.has('reviews:run');
  const today = todayInLondon();
  const [mine, forReview, escalated] = await Promise.all([
    getMyActions(database, caller, today),
    runsReviews ? getForReviewList(database, caller.scope, { asOf: today }) : Promise.resolve([]),
    runsReviews ? getEscalatedActions(database, caller, today) : Promise.resolve([]),
  ]);
  const overdue = mine.filter((action) => action.isOverdue);
  if (overdue.length + forReview.length + escalated.length === 0) return null;
  const consultants = new Set(forReview.map((entry) => entry.consultantId)).size;
  return (
    <Panel aria-labelledby="review-alerts-heading">
      <SectionHeading id="review-alerts-heading">For your attention</SectionHeading>
      <ul className="list-disc pl-6 text-[1.1875rem]">
        {overdue.length > 0 && (
          <li>
            <Link href="/actions">
              {overdue.length === 1
                ? 'One of your actions is overdue'
                : `${overdue.length} of your actions are overdue`}
            </Link>
          </li>
        )}
        {consultants > 0 && (
          <li>
            {consultants === 1 ? 'One consultant is' : `${consultants} consultants are`} on your “for review”
            list (fulfilment or total delivery outside the trust’s limits for consecutive months):{' '}
            {[...new Map(forReview.map((entry) => [entry.consultantId, entry])).values()].map(
              (entry, index) => (
                <span key={entry.consultantId}>
                  {index > 0 && ', '}
                  <Link href={`/consultants/${entry.consultantId}`}>{entry.name}</Link>
                </span>
              ),
            )}
          </li>
        )}
        {escalated.length > 0 && (
          <li>
            <Link href="/actions">
              {escalated.length === 1 ? 'One action has' : `${escalated.length} actions have`} been overdue
              long enough to escalate
            </Link>
          </li>
        )}
      </ul>
    </Panel>
  );
}
