import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { formatDate, formatDateTime } from '@/components/format';
import { ActionForm } from '@/components/reviews/action-form';
import { MeetingPresenter } from '@/components/reviews/meeting-presenter';
import { PresenterNotes } from '@/components/reviews/presenter-notes';
import { type Caller, getPageCaller } from '@/lib/server/api/caller';
import { recordNamedViews } from '@/lib/server/audit/named-views';
import { getDatabase } from '@/lib/server/db';
import { listActionOwnerChoices } from '@/lib/server/reviews/action-owners';
import type { MeetingView } from '@/lib/server/reviews/meeting-view';
import { getMeeting } from '@/lib/server/reviews/read-meeting';
import { canRunMeeting } from '@/lib/server/reviews/reviewable-units';
import { METRIC_CHOICES } from '@/lib/shared/metrics';
import { describePeriod } from '@/lib/shared/periods';

export const metadata: Metadata = { title: 'Review meeting' };

interface PageProps {
  params: Promise<{ meetingId: string }>;
  searchParams: Promise<{ anonymise?: string | string[]; notes?: string | string[] }>;
}

/**
 * One review meeting for the projector, on the whole window (outside the dashboard's shell): its frozen agenda, one
 * topic per screen (`?notes=1`: the presenter notes for a second window). A meeting of a unit the caller may not
 * see is not found; `?anonymise=1` leaves every name out (the server never sends them).
 */
export default async function ReviewMeetingPage({ params, searchParams }: PageProps) {
  await connection();
  const { meetingId: rawId } = await params;
  const caller = await getPageCaller('metrics:view', `/reviews/${encodeURIComponent(rawId)}`);
  if (!/^[1-9]\d{0,9}$/.test(rawId) || Number(rawId) > 2_147_483_647) notFound();
  const meetingId = Number(rawId);
  const query = await searchParams;
  const isAnonymised = query.anonymise === '1';
  const database = await getDatabase();
  const meeting = await getMeeting(database, caller.scope, meetingId, { anonymise: isAnonymised });
  if (!meeting) notFound();
  const isInProgress = meeting.status === 'in_progress';
  const mayRun = isInProgress && (await canRunMeeting(database, caller.scope, meetingId));
  const canAddActions = mayRun && caller.permissions.has('actions:write');
  await recordNamedViews(
    caller,
    meeting.agenda.members.map((row) => (row.member.kind === 'consultant' ? row.member.consultantId : null)),
    { view: 'review_meeting', meetingId },
  );
  if (query.notes === '1') {
    return (
      <main id="main-content" className="p-8">
        <h1 className="mb-4 text-[2rem] font-bold">Presenter notes: {meeting.unit.name}</h1>
        <PresenterNotes meetingId={meetingId} agenda={meeting.agenda} />
      </main>
    );
  }
  return (
    <MeetingPresenter
      meetingId={meetingId}
      title={meeting.unit.name}
      periodLabel={describePeriod(meeting.period)}
      agenda={meeting.agenda}
      changes={meeting.changes.map(({ metricId, category, live }) => ({ metricId, category, live }))}
      isAnonymised={isAnonymised}
      status={{
        isClosed: !isInProgress,
        closedOn: meeting.closedAt ? formatDate(meeting.closedAt) : null,
        canClose: mayRun && caller.permissions.has('reviews:run'),
      }}
      frozenAt={`${formatDateTime(meeting.agenda.takenAt)} (UK time)`}
      newActionForm={
        canAddActions ? (
          <MeetingActionForm caller={caller} meeting={meeting} isAnonymised={isAnonymised} />
        ) : undefined
      }
      heading={
        <h1 className="sr-only">
          Review of {meeting.unit.name}, {describePeriod(meeting.period)}
        </h1>
      }
    />
  );
}

/**
 * The form to agree an action in the meeting, with who may own it and which consultant it is about. Anonymised,
 * it names no one (their names would name the consultants): the action is the runner's, about the unit, until it
 * is given to someone on its own page.
 */
async function MeetingActionForm({
  caller,
  meeting,
  isAnonymised,
}: {
  caller: Caller;
  meeting: MeetingView;
  isAnonymised: boolean;
}) {
  const owners = isAnonymised
    ? []
    : await listActionOwnerChoices(await getDatabase(), caller.scope, {
        divisionId: meeting.agenda.unit.divisionId,
        specialtyId: meeting.unit.level === 'specialty' ? meeting.unit.id : null,
      });
  const consultants = isAnonymised
    ? []
    : meeting.agenda.members.flatMap(({ member }) =>
        member.kind === 'consultant' && member.consultantId !== null && !member.isAnonymised
          ? [{ id: member.consultantId, name: member.name }]
          : [],
      );
  return (
    <ActionForm
      link={{ meetingId: meeting.id }}
      owners={owners.filter((owner) => owner.userId !== caller.userId)}
      consultants={consultants}
      metrics={METRIC_CHOICES}
      isOnSlide
    />
  );
}
