'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { formatDateTime } from '@/components/format';
import { Button } from '@/components/ui/button';
import { ErrorMessage, Hint, Label, Select, TextInput } from '@/components/ui/form';
import { SecondaryButton } from '@/components/ui/secondary-button';
import { ApiError, ApiValidationError, sendJson } from '@/lib/client/api-client';
import { ACTIVITY_LABELS, describePeriod } from '@/lib/shared/periods';
import type { ReviewableUnit } from '@/lib/shared/review-agenda';
import {
  MEETING_OPEN_CODE,
  type MeetingOpenError,
  meetingOpenErrorSchema,
} from '@/lib/shared/schemas/reviews';

/** The form's fields by the request path the API names when one is wrong. */
const FIELD_LABELS: Record<string, string> = {
  'period.from': 'From',
  'period.to': 'To',
  unit: 'Specialty or division',
  'unit.id': 'Specialty or division',
  'unit.level': 'Specialty or division',
  activity: 'Activity',
};

const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/**
 * Why the meeting was not started, in the form's words: the problems the API found, under the field's label when
 * one is about a field (never the request's internal paths), else the API's message as it is.
 */
export function describeRefusal(caught: unknown): string {
  if (caught instanceof ApiValidationError) {
    // The first problem of each field is enough to put it right (an empty date is also outside the years allowed).
    const firstOfEach = caught.issues.filter(
      (issue, index) => caught.issues.findIndex((other) => other.path === issue.path) === index,
    );
    return firstOfEach
      .map((issue) => {
        const label = FIELD_LABELS[issue.path];
        return sentence(label ? `${label}: ${issue.message}` : issue.message);
      })
      .join(' ');
  }
  return caught instanceof Error ? caught.message : 'The meeting could not be started.';
}

/** What the form sends to POST /api/reviews/start. */
export interface StartMeetingBody {
  unit: { level: string; id: number };
  period: { from: string; to: string };
  activity: 'all' | 'clinic' | 'list';
  startAnother?: true;
}

/** The meeting already open for the unit and period (the 409's details). */
export type OpenMeeting = MeetingOpenError['error']['details'];
const openMeetingSchema = meetingOpenErrorSchema.shape.error.shape.details;

/**
 * Asks the API to start a meeting: its id, or the open meeting of the same unit and period it would duplicate
 * (409 `meeting_open`). Any other refusal is thrown as the API's error.
 */
export async function requestMeetingStart(
  body: StartMeetingBody,
): Promise<{ kind: 'started'; meetingId: number } | { kind: 'open'; meeting: OpenMeeting }> {
  try {
    const { id } = await sendJson<{ id: number }>('POST', '/api/reviews/start', body);
    return { kind: 'started', meetingId: id };
  } catch (caught) {
    if (caught instanceof ApiError && caught.status === 409 && caught.code === MEETING_OPEN_CODE) {
      const open = openMeetingSchema.safeParse(caught.details);
      if (open.success) return { kind: 'open', meeting: open.data };
    }
    throw caught;
  }
}

/**
 * The warning shown instead of starting a second meeting of a unit and period while one is open: open that one,
 * or start another anyway. It takes the focus when it appears, so that a keyboard or screen reader user is told.
 */
export function OpenMeetingWarning({
  unitName,
  body,
  meeting,
  isStarting,
  onStartAnother,
}: {
  unitName: string;
  body: StartMeetingBody;
  meeting: OpenMeeting;
  isStarting: boolean;
  onStartAnother: () => void;
}) {
  const ids = { heading: useId(), text: useId() };
  const box = useRef<HTMLElement>(null);
  useEffect(() => {
    box.current?.focus();
  }, []);
  return (
    <section
      ref={box}
      tabIndex={-1}
      aria-labelledby={ids.heading}
      aria-describedby={ids.text}
      className="border-l-8 border-nhs-warm-yellow bg-nhs-white py-4 pr-4 pl-6 outline-offset-4"
    >
      <h3 id={ids.heading} className="mb-2 text-[1.375rem] font-bold">
        <span className="sr-only">Warning: </span>A meeting of {unitName} for this period is already open
      </h3>
      <p id={ids.text} className="mb-4">
        It reviews {describePeriod(body.period)} ({ACTIVITY_LABELS[body.activity].toLowerCase()}) and was
        started {formatDateTime(meeting.startedAt)}. A second meeting would freeze its own copy of the
        numbers, and its actions would be agreed apart from the first one’s.
      </p>
      <div className="flex flex-wrap items-center gap-4">
        <Link
          href={meeting.href}
          className="rounded-[4px] bg-nhs-green px-4 py-3 text-[1.1875rem] leading-none font-bold text-nhs-white no-underline shadow-[0_4px_0_var(--color-nhs-dark-green)] hover:bg-[#00662f] visited:text-nhs-white"
        >
          Open the existing meeting
        </Link>
        <SecondaryButton onClick={onStartAnother} disabled={isStarting}>
          {isStarting ? 'Starting…' : 'Start another anyway'}
        </SecondaryButton>
      </div>
    </section>
  );
}

/**
 * Starts a review meeting: a specialty or division and a period. Starting freezes the numbers, so the meeting
 * opens on the agenda as it stands now. If the unit already has an open meeting for the period, the form warns
 * first and offers to open it, or to start another anyway.
 */
export function StartReviewForm({
  units,
  period,
}: {
  units: ReviewableUnit[];
  period: { from: string; to: string };
}) {
  const router = useRouter();
  const ids = { unit: useId(), from: useId(), to: useId(), activity: useId(), error: useId(), hint: useId() };
  const [error, setError] = useState<string | null>(null);
  const [isStarting, setIsStarting] = useState(false);
  const [duplicate, setDuplicate] = useState<{
    body: StartMeetingBody;
    unitName: string;
    meeting: OpenMeeting;
  } | null>(null);

  async function start(body: StartMeetingBody, unitName: string) {
    setIsStarting(true);
    setError(null);
    try {
      const outcome = await requestMeetingStart(body);
      if (outcome.kind === 'open') {
        setDuplicate({ body, unitName, meeting: outcome.meeting });
        setIsStarting(false);
        return;
      }
      router.push(`/reviews/${outcome.meetingId}`);
    } catch (caught) {
      setError(describeRefusal(caught));
      setIsStarting(false);
    }
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const choice = String(data.get('unit') ?? '');
    const [level, id] = choice.split(':');
    const unitName = units.find((unit) => `${unit.level}:${unit.id}` === choice)?.name ?? 'this unit';
    setDuplicate(null);
    await start(
      {
        unit: { level: level ?? '', id: Number(id) },
        period: { from: String(data.get('from')), to: String(data.get('to')) },
        activity: String(data.get('activity')) as StartMeetingBody['activity'],
      },
      unitName,
    );
  }

  return (
    // A change to the form makes the warning about the open meeting out of date.
    <form onSubmit={onSubmit} onChange={() => setDuplicate(null)} className="grid max-w-3xl gap-4" noValidate>
      {error && <ErrorMessage id={ids.error}>{error}</ErrorMessage>}
      <div>
        <Label htmlFor={ids.unit}>Specialty or division</Label>
        <Select id={ids.unit} name="unit" required>
          {units.map((unit) => (
            <option key={`${unit.level}:${unit.id}`} value={`${unit.level}:${unit.id}`}>
              {unit.name} ({unit.level === 'division' ? 'division' : `specialty ${unit.code}`})
            </option>
          ))}
        </Select>
      </div>
      <div className="flex flex-wrap gap-6">
        <div>
          <Label htmlFor={ids.from}>From</Label>
          <TextInput id={ids.from} name="from" type="date" defaultValue={period.from} required />
        </div>
        <div>
          <Label htmlFor={ids.to}>To</Label>
          <TextInput id={ids.to} name="to" type="date" defaultValue={period.to} required />
        </div>
        <div>
          <Label htmlFor={ids.activity}>Activity</Label>
          <Select id={ids.activity} name="activity" defaultValue="all">
            <option value="all">Clinics and lists</option>
            <option value="clinic">Clinics</option>
            <option value="list">Theatre and endoscopy lists</option>
          </Select>
        </div>
      </div>
      <Hint id={ids.hint}>
        Starting the meeting freezes its numbers: later imports will not change what was discussed.
      </Hint>
      {duplicate ? (
        <OpenMeetingWarning
          unitName={duplicate.unitName}
          body={duplicate.body}
          meeting={duplicate.meeting}
          isStarting={isStarting}
          onStartAnother={() => start({ ...duplicate.body, startAnother: true }, duplicate.unitName)}
        />
      ) : (
        <div>
          <Button type="submit" disabled={isStarting} aria-describedby={ids.hint}>
            {isStarting ? 'Starting…' : 'Start the review'}
          </Button>
        </div>
      )}
    </form>
  );
}
