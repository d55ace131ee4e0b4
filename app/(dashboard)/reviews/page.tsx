import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { Suspense } from 'react';
import { SectionErrorBoundary } from '@/components/dashboard/section-error-boundary';
import { WidgetSkeleton } from '@/components/overview/widget-skeleton';
import { ForReviewPanel } from '@/components/reviews/for-review-panel';
import { StartReviewForm } from '@/components/reviews/start-review-form';
import { WhatIfPanel } from '@/components/reviews/what-if-panel';
import { SectionHeading } from '@/components/ui/heading';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRow } from '@/components/ui/table';
import { getPageCaller } from '@/lib/server/api/caller';
import { type Database, getDatabase } from '@/lib/server/db';
import { lastCompleteMonths } from '@/lib/server/metrics/workload-balance';
import { getForReviewList } from '@/lib/server/reviews/for-review';
import { getJobPlanReviewSuggestions } from '@/lib/server/reviews/job-plan-suggestions';
import { listMeetings } from '@/lib/server/reviews/list-meetings';
import { listReviewableUnits } from '@/lib/server/reviews/reviewable-units';
import { listWhatIfSpecialties } from '@/lib/server/reviews/what-if';
import { ACTIVITY_LABELS, describePeriod, todayInLondon } from '@/lib/shared/periods';
import type { Scope } from '@/lib/shared/scope';

export const metadata: Metadata = { title: 'Review meetings' };

const STATUS_LABELS = { in_progress: 'In progress', closed: 'Closed' } as const;
const startedFormat = new Intl.DateTimeFormat('en-GB', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/London',
});

/**
 * The "for review" list and the job-plan review suggestions: months of every consultant's ledger, so streamed on
 * their own rather than holding the page.
 */
async function ForReviewSection({
  database,
  scope,
  asOf,
}: {
  database: Database;
  scope: Scope;
  asOf: string;
}) {
  const [forReview, suggestions] = await Promise.all([
    getForReviewList(database, scope, { asOf }),
    getJobPlanReviewSuggestions(database, scope, { asOf }),
  ]);
  return <ForReviewPanel forReview={forReview} suggestions={suggestions} />;
}

/** Review meetings the caller may open, and (for those who run reviews) a form to start one. */
export default async function ReviewsPage() {
  await connection();
  const caller = await getPageCaller('metrics:view', '/reviews');
  const database = await getDatabase();
  const canRun = caller.permissions.has('reviews:run');
  const today = todayInLondon();
  const [meetings, units, whatIfSpecialties] = await Promise.all([
    listMeetings(database, caller.scope),
    canRun ? listReviewableUnits(database, caller.scope) : Promise.resolve([]),
    canRun ? listWhatIfSpecialties(database, caller.scope) : Promise.resolve([]),
  ]);
  // The last three complete months: the review cycle the escalation rules judge.
  const defaultPeriod = lastCompleteMonths(todayInLondon(), 3) ?? {
    from: todayInLondon(),
    to: todayInLondon(),
  };
  return (
    <>
      <PageHeader caption="Reviews" title="Review meetings">
        <p>
          The same agenda for every specialty, with its numbers frozen when the meeting starts. See also{' '}
          <Link href="/actions">my actions</Link>
          {caller.permissions.has('challenges:resolve') && (
            <>
              {' '}
              and the <Link href="/reviews/challenges">challenges waiting to be resolved</Link>
            </>
          )}
          .
        </p>
      </PageHeader>
      {canRun && units.length > 0 && (
        <Panel aria-labelledby="start-heading">
          <SectionHeading id="start-heading">Start a review</SectionHeading>
          <StartReviewForm units={units} period={defaultPeriod} />
        </Panel>
      )}
      {canRun && (
        <SectionErrorBoundary label="the list for review">
          <Suspense fallback={<WidgetSkeleton label="the list for review" rows={6} />}>
            <ForReviewSection database={database} scope={caller.scope} asOf={today} />
          </Suspense>
        </SectionErrorBoundary>
      )}
      {canRun && whatIfSpecialties.length > 0 && (
        <WhatIfPanel specialties={whatIfSpecialties} period={defaultPeriod} />
      )}
      <Panel aria-labelledby="meetings-heading">
        <SectionHeading id="meetings-heading">Meetings</SectionHeading>
        {meetings.length === 0 ? (
          <p>No review meetings yet.</p>
        ) : (
          <Table caption="Review meetings, latest first" isCaptionHidden>
            <TableHead>
              <TableRow>
                <ColumnHeader>Unit</ColumnHeader>
                <ColumnHeader>Period</ColumnHeader>
                <ColumnHeader>Activity</ColumnHeader>
                <ColumnHeader>Started</ColumnHeader>
                <ColumnHeader>Started by</ColumnHeader>
                <ColumnHeader>Status</ColumnHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {meetings.map((meeting) => (
                <TableRow key={meeting.id}>
                  <TableCell>
                    <Link href={`/reviews/${meeting.id}`}>{meeting.unit.name}</Link>
                  </TableCell>
                  <TableCell>{describePeriod(meeting.period)}</TableCell>
                  <TableCell>{ACTIVITY_LABELS[meeting.activity]}</TableCell>
                  <TableCell>{startedFormat.format(new Date(meeting.startedAt))}</TableCell>
                  <TableCell>{meeting.startedByName ?? '–'}</TableCell>
                  <TableCell>{STATUS_LABELS[meeting.status]}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Panel>
    </>
  );
}
