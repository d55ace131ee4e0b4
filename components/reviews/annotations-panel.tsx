import 'server-only';
import { loadLedgerEntries } from '@/components/consultant/load-consultant';
import { LOST_OUTCOMES, outcomeLabel, PERIOD_LABELS } from '@/components/consultant/outcomes';
import { formatDate, formatDateTime } from '@/components/format';
import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';
import type { Caller } from '@/lib/server/api/caller';
import type { ActivityFilter, Period } from '@/lib/server/metrics/period';
import type { ChallengeView } from '@/lib/server/reviews/challenge-view';
import { METRIC_CHOICES } from '@/lib/shared/metrics';
import { loadConsultantAnnotations, loadConsultantChallenges } from './annotation-data';
import { AnnotationForm } from './annotation-form';
import { AnnotationItem } from './annotation-item';
import { describeDataPoint } from './annotation-markers';
import type { SessionChoice } from './annotation-target-fields';
import { ChallengeForm } from './challenge-form';

interface AnnotationsPanelProps {
  caller: Caller;
  consultantId: number;
  period: Period;
  activity: ActivityFilter;
}

const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' });
/** At most this many lost sessions are offered by name; any other is entered by its date. */
const MAX_SESSION_CHOICES = 300;

function challengeOutcome(challenge: ChallengeView): string {
  if (challenge.status === 'open') return 'Waiting for the administrators';
  const by = challenge.resolvedBy?.name ? ` by ${challenge.resolvedBy.name}` : '';
  const when = challenge.resolvedAt ? ` on ${formatDate(challenge.resolvedAt)}` : '';
  return challenge.status === 'accepted'
    ? `Accepted${by}${when}: ${challenge.correctionNote ?? ''}`
    : `Explained${by}${when}: ${challenge.resolution ?? ''}`;
}

/** Challenges about the consultant with their outcome (read-only: only the administrators resolve them). */
function ChallengeList({
  heading,
  challenges,
  showsWhoRaised = false,
}: {
  heading: string;
  challenges: readonly ChallengeView[];
  /** Say who raised each (the list of those raised by others). */
  showsWhoRaised?: boolean;
}) {
  return (
    <>
      <h3 className="mb-2 text-[1.375rem] font-bold">{heading}</h3>
      <ul className="mb-6 max-w-3xl" aria-label={heading}>
        {challenges.map((challenge) => (
          <li
            key={challenge.id}
            className="border-b border-nhs-mid-grey py-3"
            data-status={challenge.status}
            data-challenge-id={challenge.id}
          >
            <p className="font-bold">
              {describeDataPoint(challenge, METRIC_CHOICES)}
              {challenge.shownValue ? ` (shown: ${challenge.shownValue})` : ''}
            </p>
            <p className="whitespace-pre-line">{challenge.reason}</p>
            <p>
              <strong>{challengeOutcome(challenge)}</strong>
            </p>
            <p className="text-nhs-dark-grey">
              Raised {showsWhoRaised ? `by ${challenge.raisedBy.name ?? 'someone'} ` : ''}
              {formatDateTime(challenge.raisedAt)}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * Notes and challenges on the consultant page: the notes the caller may read (shared ones and their own, which they
 * may edit or delete), the challenges about the consultant with their outcome — those the caller raised, and those
 * others raised (read-only: a consultant reads what their lead challenged) — and the forms to add either, for the
 * consultant about themself and for those who see them named (the server enforces each).
 */
export async function AnnotationsPanel({ caller, consultantId, period, activity }: AnnotationsPanelProps) {
  const canAnnotate = caller.permissions.has('annotations:write');
  const canChallenge = caller.permissions.has('challenges:raise');
  if (!canAnnotate && !canChallenge) return null;
  const [annotations, challenges, sessions] = await Promise.all([
    loadConsultantAnnotations(caller, consultantId, period.from, period.to),
    loadConsultantChallenges(caller, consultantId),
    loadLedgerEntries(caller.scope, consultantId, period.from, period.to, activity),
  ]);
  const mine = challenges.filter((challenge) => challenge.raisedBy.userId === caller.userId);
  const others = challenges.filter((challenge) => challenge.raisedBy.userId !== caller.userId);
  const lostChoices: SessionChoice[] = sessions
    .filter((entry) => (LOST_OUTCOMES as readonly string[]).includes(entry.outcome))
    .slice(0, MAX_SESSION_CHOICES)
    .map((entry) => ({
      date: entry.date,
      period: entry.period,
      label: `${WEEKDAY.format(new Date(`${entry.date}T00:00:00Z`))} ${formatDate(entry.date)}, ${PERIOD_LABELS[entry.period]}: ${outcomeLabel(entry.outcome)}${entry.cancelReason ? ` (${entry.cancelReason})` : ''}`,
    }));

  return (
    <Panel id="notes" aria-labelledby="notes-heading" className="scroll-mt-6">
      <SectionHeading id="notes-heading">Notes and challenges</SectionHeading>
      <p className="mb-4 max-w-3xl">
        Context for a session, a week or a figure (“covering the ward”, “list cancelled: no beds”) is shown
        here, on the trend charts (a note about a figure beside that figure) and in review meetings. You can
        edit or delete the notes you wrote. A figure you believe is wrong can be challenged: the
        administrators correct the source data or explain why it stands.
      </p>

      {canAnnotate && (
        <>
          <h3 className="mb-2 text-[1.375rem] font-bold">Notes</h3>
          {annotations.length === 0 ? (
            <p className="mb-6">No notes about this period yet.</p>
          ) : (
            <ul className="mb-6 max-w-3xl" aria-label="Notes">
              {annotations.map((annotation) => {
                const about = describeDataPoint(annotation, METRIC_CHOICES);
                return (
                  <li
                    key={annotation.id}
                    className="border-b border-nhs-mid-grey py-3"
                    data-annotation-id={annotation.id}
                  >
                    <AnnotationItem
                      annotationId={annotation.id}
                      about={about}
                      text={annotation.text}
                      visibility={annotation.visibility}
                      byline={`${annotation.author.name ?? 'Someone'}, ${formatDateTime(annotation.createdAt)}${
                        // Written and changed within a second: not an edit (both stamps are set on create).
                        Date.parse(annotation.updatedAt) - Date.parse(annotation.createdAt) < 1000
                          ? ''
                          : ` (changed ${formatDateTime(annotation.updatedAt)})`
                      }`}
                      isOwn={annotation.isOwn}
                    />
                  </li>
                );
              })}
            </ul>
          )}
        </>
      )}

      {canChallenge && mine.length > 0 && <ChallengeList heading="Your challenges" challenges={mine} />}
      {canChallenge && others.length > 0 && (
        <ChallengeList heading="Challenges raised by others" challenges={others} showsWhoRaised />
      )}

      {canAnnotate && (
        <details className="mb-4">
          <summary className="cursor-pointer text-[1.1875rem] font-bold text-nhs-blue underline">
            Add a note
          </summary>
          <div className="mt-4">
            <AnnotationForm consultantId={consultantId} sessions={lostChoices} metrics={METRIC_CHOICES} />
          </div>
        </details>
      )}
      {canChallenge && (
        <details>
          <summary className="cursor-pointer text-[1.1875rem] font-bold text-nhs-blue underline">
            Challenge a figure as wrong
          </summary>
          <div className="mt-4">
            <ChallengeForm consultantId={consultantId} sessions={lostChoices} metrics={METRIC_CHOICES} />
          </div>
        </details>
      )}
    </Panel>
  );
}
