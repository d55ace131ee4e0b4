'use client';

import { useEffect, useRef, useState } from 'react';
import { InputField, SelectField } from '@/components/ui/field';
import { Fieldset, Label, Radio, Select } from '@/components/ui/form';

/** A session the form offers by name (e.g. one of the lost sessions): its date and period, and how it reads. */
export interface SessionChoice {
  date: string;
  period: 'AM' | 'PM' | 'EVE';
  label: string;
}

export interface MetricChoice {
  id: string;
  label: string;
}

export type DataPointKind = 'session' | 'week' | 'metric';

/** Where a note or a challenge points, as the annotation and challenge APIs take it. */
export interface DataPoint {
  sessionDate?: string;
  sessionPeriod?: 'AM' | 'PM' | 'EVE' | 'ALL';
  weekStart?: string;
  metricId?: string;
}

const OTHER_SESSION = 'other';
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The Monday of the week holding an ISO date (weeks run Monday to Sunday, as the dashboards' weeks do). */
export function mondayOf(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

/**
 * Reads the data point from the submitted form: the session picked (or typed), the week or the metric. A problem
 * (what is missing) is returned as text for the form's error message, with the name of the field to focus.
 */
export function readDataPoint(data: FormData): { point: DataPoint } | { problem: string; field: string } {
  const kind = String(data.get('about') ?? 'session') as DataPointKind;
  if (kind === 'metric') {
    const metricId = String(data.get('metricId') ?? '');
    return metricId ? { point: { metricId } } : { problem: 'Choose the figure.', field: 'metricId' };
  }
  if (kind === 'week') {
    const day = String(data.get('weekStart') ?? '');
    return ISO_DATE.test(day)
      ? { point: { weekStart: mondayOf(day) } }
      : { problem: 'Enter a date in the week.', field: 'weekStart' };
  }
  const picked = String(data.get('session') ?? OTHER_SESSION);
  if (picked !== OTHER_SESSION) {
    const [sessionDate, sessionPeriod] = picked.split('|') as [string, 'AM' | 'PM' | 'EVE'];
    return { point: { sessionDate, sessionPeriod } };
  }
  const sessionDate = String(data.get('sessionDate') ?? '');
  if (!ISO_DATE.test(sessionDate)) return { problem: 'Enter the date of the session.', field: 'sessionDate' };
  const sessionPeriod = String(data.get('sessionPeriod') ?? 'ALL') as DataPoint['sessionPeriod'];
  return { point: { sessionDate, sessionPeriod } };
}

/** The ids of the data point's inputs, by the name of the request's field (the error summary links to them). */
export function dataPointFieldIds(idPrefix: string) {
  return {
    sessionDate: `${idPrefix}-session-date`,
    sessionPeriod: `${idPrefix}-session-period`,
    weekStart: `${idPrefix}-week-start`,
    metricId: `${idPrefix}-metric`,
  };
}

/**
 * "What is it about?": a session (one of those listed, e.g. the lost sessions, or another by date and period), a
 * week, or a figure of the metric dictionary. The fields are named for `readDataPoint`, their ids made from
 * `idPrefix` (`dataPointFieldIds`); a problem with one (`errors`, by field name) is shown beside it. A link
 * elsewhere on the page carrying `data-note-session="yyyy-mm-dd|AM"` (a row of the lost sessions table) picks that
 * session; with `opensOnPick`, it also opens the disclosure holding the form and moves focus to the session.
 */
export function DataPointFields({
  sessions,
  metrics,
  idPrefix,
  errors = {},
  opensOnPick = false,
}: {
  sessions: readonly SessionChoice[];
  metrics: readonly MetricChoice[];
  idPrefix: string;
  /** Problems with the fields, by field name (`sessionDate`, `weekStart`, `metricId`...). */
  errors?: Readonly<Record<string, string>>;
  opensOnPick?: boolean;
}) {
  const fieldIds = dataPointFieldIds(idPrefix);
  const ids = {
    session: `${idPrefix}-about-session`,
    week: `${idPrefix}-about-week`,
    metric: `${idPrefix}-about-metric`,
    pick: `${idPrefix}-session`,
  };
  const [kind, setKind] = useState<DataPointKind>('session');
  const [picked, setPicked] = useState(OTHER_SESSION);
  const rootRef = useRef<HTMLDivElement>(null);
  const pickRef = useRef<HTMLSelectElement>(null);

  useEffect(() => {
    function onClick(event: MouseEvent) {
      const link = event.target instanceof Element ? event.target.closest('a[data-note-session]') : null;
      const value = link?.getAttribute('data-note-session');
      if (!value || !sessions.some((session) => `${session.date}|${session.period}` === value)) return;
      setKind('session');
      setPicked(value);
      if (!opensOnPick) return;
      const details = rootRef.current?.closest('details');
      if (details) details.open = true;
      requestAnimationFrame(() => pickRef.current?.focus());
    }
    document.addEventListener('click', onClick);
    return () => document.removeEventListener('click', onClick);
  }, [sessions, opensOnPick]);
  return (
    <div ref={rootRef}>
      <Fieldset legend="What is it about?" className="mb-4">
        <div className="flex flex-wrap gap-x-8">
          <Radio
            id={ids.session}
            name="about"
            value="session"
            label="A session"
            checked={kind === 'session'}
            onChange={() => setKind('session')}
          />
          <Radio
            id={ids.week}
            name="about"
            value="week"
            label="A week"
            checked={kind === 'week'}
            onChange={() => setKind('week')}
          />
          <Radio
            id={ids.metric}
            name="about"
            value="metric"
            label="A figure"
            checked={kind === 'metric'}
            onChange={() => setKind('metric')}
          />
        </div>
      </Fieldset>
      {kind === 'session' && (
        <div className="mb-4">
          {sessions.length > 0 && (
            <div className="mb-4">
              <Label htmlFor={ids.pick}>Session</Label>
              <Select
                ref={pickRef}
                id={ids.pick}
                name="session"
                value={picked}
                onChange={(event) => setPicked(event.currentTarget.value)}
              >
                <option value={OTHER_SESSION}>Another session (enter its date)</option>
                {sessions.map((session) => (
                  <option
                    key={`${session.date}|${session.period}`}
                    value={`${session.date}|${session.period}`}
                  >
                    {session.label}
                  </option>
                ))}
              </Select>
            </div>
          )}
          {picked === OTHER_SESSION && (
            <div className="flex flex-wrap gap-6">
              <InputField
                id={fieldIds.sessionDate}
                label="Date of the session"
                error={errors.sessionDate}
                name="sessionDate"
                type="date"
              />
              <SelectField
                id={fieldIds.sessionPeriod}
                label="Period"
                error={errors.sessionPeriod}
                name="sessionPeriod"
                defaultValue="ALL"
              >
                <option value="ALL">The whole day</option>
                <option value="AM">Morning (AM)</option>
                <option value="PM">Afternoon (PM)</option>
                <option value="EVE">Evening</option>
              </SelectField>
            </div>
          )}
        </div>
      )}
      {kind === 'week' && (
        <InputField
          id={fieldIds.weekStart}
          label="A date in the week"
          error={errors.weekStart}
          fieldClassName="mb-4"
          name="weekStart"
          type="date"
        />
      )}
      {kind === 'metric' && (
        <SelectField
          id={fieldIds.metricId}
          label="Figure"
          error={errors.metricId}
          fieldClassName="mb-4"
          name="metricId"
          defaultValue=""
        >
          <option value="">Choose a figure</option>
          {metrics.map((metric) => (
            <option key={metric.id} value={metric.id}>
              {metric.label}
            </option>
          ))}
        </SelectField>
      )}
    </div>
  );
}
