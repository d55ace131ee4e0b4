'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorMessage, Hint, Label, Select, TextInput } from '@/components/ui/form';
import { ApiValidationError } from '@/lib/client/api-client';
import type { ReviewableUnit } from '@/lib/shared/review-agenda';
import { sendJson } from './review-fetch';

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

/**
 * Starts a review meeting: a specialty or division and a period. Starting freezes the numbers, so the meeting
 * opens on the agenda as it stands now.
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

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const [level, id] = String(data.get('unit') ?? '').split(':');
    setIsStarting(true);
    setError(null);
    try {
      const meeting = await sendJson<{ id: number }>('/api/reviews/start', 'POST', {
        unit: { level, id: Number(id) },
        period: { from: String(data.get('from')), to: String(data.get('to')) },
        activity: String(data.get('activity')),
      });
      router.push(`/reviews/${meeting.id}`);
    } catch (caught) {
      setError(describeRefusal(caught));
      setIsStarting(false);
    }
  }

  return (
    <form onSubmit={onSubmit} className="grid max-w-3xl gap-4" noValidate>
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
      <div>
        <Button type="submit" disabled={isStarting} aria-describedby={ids.hint}>
          {isStarting ? 'Starting…' : 'Start the review'}
        </Button>
      </div>
    </form>
  );
}
