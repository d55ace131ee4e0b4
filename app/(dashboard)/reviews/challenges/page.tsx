import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { ResolveChallengeForm } from '@/components/reviews/resolve-challenge-form';
import { SectionHeading } from '@/components/ui/heading';
import { PageHeader } from '@/components/ui/page-header';
import { Panel } from '@/components/ui/panel';
import { SummaryList } from '@/components/ui/summary-list';
import { getPageCaller } from '@/lib/server/api/caller';
import { getDatabase } from '@/lib/server/db';
import type { ChallengeView } from '@/lib/server/reviews/challenge-view';
import { getChallengeQueue } from '@/lib/server/reviews/challenges';

export const metadata: Metadata = { title: 'Challenges' };

const ukDate = (iso: string | null) =>
  iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : null;

function about(challenge: ChallengeView): string {
  const parts = [
    challenge.sessionDate &&
      `session ${ukDate(challenge.sessionDate)}${challenge.sessionPeriod ? ` ${challenge.sessionPeriod}` : ''}`,
    challenge.weekStart && `week of ${ukDate(challenge.weekStart)}`,
    challenge.metricId && `metric ${challenge.metricId}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'their data';
}

/** The admins' queue of challenged data points (oldest first), each resolved here with a record. */
/** The consultant's page, for the four weeks around the challenged date when there is one. */
function consultantPageOf(challenge: {
  consultant: { id: number };
  sessionDate: string | null;
  weekStart: string | null;
}) {
  const day = challenge.sessionDate ?? challenge.weekStart;
  const path = `/consultants/${challenge.consultant.id}`;
  if (!day) return path;
  const around = (days: number) =>
    new Date(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  return `${path}?from=${around(-14)}&to=${around(14)}`;
}

export default async function ChallengesPage() {
  await connection();
  const caller = await getPageCaller('challenges:resolve', '/reviews/challenges');
  const database = await getDatabase();
  const [open, accepted, explained] = await Promise.all([
    getChallengeQueue(database, caller, 'open'),
    getChallengeQueue(database, caller, 'accepted'),
    getChallengeQueue(database, caller, 'explained'),
  ]);
  const resolved = [...accepted, ...explained]
    .sort((a, b) => (b.resolvedAt ?? '').localeCompare(a.resolvedAt ?? ''))
    .slice(0, 20);
  return (
    <>
      <PageHeader caption="Reviews" title="Challenges">
        <p>
          Data points consultants and leads say are wrong. Correct the source data and accept, or explain why
          it stands.
        </p>
      </PageHeader>
      <Panel aria-labelledby="open-heading">
        <SectionHeading id="open-heading">Waiting ({open.length})</SectionHeading>
        {open.length === 0 && <p>No challenges are waiting.</p>}
        {open.map((challenge) => (
          <article key={challenge.id} className="mb-8 border-b-2 border-nhs-mid-grey pb-6">
            <h3 className="mb-3 text-[1.375rem] font-bold">
              {challenge.consultant.name} ({challenge.consultant.gmcNumber}): {about(challenge)}
            </h3>
            <p className="mb-3">
              {/* The consultant's page for the week in question, where the session and its neighbours are. */}
              <Link href={consultantPageOf(challenge)}>See it on {challenge.consultant.name}’s page</Link>
            </p>
            <SummaryList
              items={[
                {
                  key: 'raised',
                  label: 'Raised by',
                  value: `${challenge.raisedBy.name ?? 'Unknown'} on ${ukDate(challenge.raisedAt.slice(0, 10))}`,
                },
                ...(challenge.shownValue
                  ? [{ key: 'shown', label: 'Shown as', value: challenge.shownValue }]
                  : []),
                { key: 'reason', label: 'Reason', value: challenge.reason },
              ]}
            />
            <ResolveChallengeForm challengeId={challenge.id} />
          </article>
        ))}
      </Panel>
      <Panel aria-labelledby="resolved-heading">
        <SectionHeading id="resolved-heading">Recently resolved</SectionHeading>
        {resolved.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ul className="list-disc pl-6">
            {resolved.map((challenge) => (
              <li key={challenge.id} className="mb-2">
                {challenge.consultant.name}, {about(challenge)}:{' '}
                {challenge.status === 'accepted'
                  ? `accepted (${challenge.correctionNote})`
                  : `explained (${challenge.resolution})`}{' '}
                by {challenge.resolvedBy?.name ?? 'unknown'} on{' '}
                {ukDate(challenge.resolvedAt?.slice(0, 10) ?? null)}
              </li>
            ))}
          </ul>
        )}
      </Panel>
    </>
  );
}
