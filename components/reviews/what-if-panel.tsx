'use client';

import { type FormEvent, useId, useState } from 'react';
import { formatMetricValue } from '@/components/charts/format-value';
import { Button } from '@/components/ui/button';
import { ErrorMessage, Fieldset, Hint, Label, Select, TextInput } from '@/components/ui/form';
import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';
import { SecondaryButton } from '@/components/ui/secondary-button';
import { ColumnHeader, Table, TableBody, TableCell, TableHead, TableRow } from '@/components/ui/table';
import { useReviewWhatIf } from '@/lib/client/hooks/use-review-what-if';
import type { WhatIfFiguresView, WhatIfResponse } from '@/lib/client/review-what-if';
import type { WhatIfChange } from '@/lib/shared/review-what-if';

/*
 * The what-if panel of job-plan review support: a lead tries moving sessions between a specialty's consultants,
 * or a new template output for a consultant's sessions, and sees the effect over the period on fulfilment,
 * workload balance and patients a week before anyone agrees it. Nothing is saved; the server calculates.
 */

export interface WhatIfPanelSpecialty {
  id: number;
  code: string;
  name: string;
  consultants: { id: number; name: string }[];
}

type Activity = 'clinic' | 'list' | 'all';

/** A change as typed into the form (strings until checked). */
export type DraftChange =
  | { key: number; kind: 'move'; fromConsultantId: string; toConsultantId: string; sessionsPerWeek: string }
  | { key: number; kind: 'output'; consultantId: string; casesPerSession: string };

const ACTIVITY_LABELS: Record<Activity, string> = {
  clinic: 'Clinics',
  list: 'Theatre and endoscopy lists',
  all: 'Clinics and lists',
};

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});
const ukDate = (iso: string) => dateFormat.format(new Date(`${iso}T00:00:00Z`));
const percent = (value: number | null) => formatMetricValue('ratio', value);
const perWeek = (value: number | null) => formatMetricValue('patientsPerWeek', value);

/**
 * The changes to send, or what is wrong with the draft (one message per change, by its number). Template outputs
 * are patients (clinics) or cases (lists) per session, so they need one activity, not both.
 */
export function checkDraftChanges(
  drafts: readonly DraftChange[],
  activity: Activity,
): { changes: WhatIfChange[]; errors: string[] } {
  const changes: WhatIfChange[] = [];
  const errors: string[] = [];
  if (drafts.length === 0) errors.push('Add a change to try: a move of sessions or a template change.');
  drafts.forEach((draft, index) => {
    const label = `Change ${index + 1}`;
    if (draft.kind === 'move') {
      const sessions = Number(draft.sessionsPerWeek);
      if (!draft.fromConsultantId || !draft.toConsultantId) {
        errors.push(`${label}: choose who gives the sessions and who takes them.`);
      } else if (draft.fromConsultantId === draft.toConsultantId) {
        errors.push(`${label}: choose two different consultants.`);
      } else if (
        !draft.sessionsPerWeek.trim() ||
        !Number.isFinite(sessions) ||
        sessions <= 0 ||
        sessions > 20
      ) {
        errors.push(`${label}: give the sessions a week moved, a number more than 0 and at most 20.`);
      } else {
        changes.push({
          kind: 'move',
          fromConsultantId: Number(draft.fromConsultantId),
          toConsultantId: Number(draft.toConsultantId),
          sessionsPerWeek: sessions,
        });
      }
      return;
    }
    const cases = Number(draft.casesPerSession);
    if (!draft.consultantId) {
      errors.push(`${label}: choose the consultant whose template changes.`);
    } else if (activity === 'all') {
      errors.push(`${label}: a template change needs one activity; choose clinics or lists above.`);
    } else if (!draft.casesPerSession.trim() || !Number.isFinite(cases) || cases < 0 || cases > 1000) {
      errors.push(`${label}: give the new output per session, a number from 0 to 1,000.`);
    } else {
      changes.push({ kind: 'output', consultantId: Number(draft.consultantId), casesPerSession: cases });
    }
  });
  return { changes, errors };
}

/** What a lead tries: a specialty, a period, moves of sessions and template changes; then the effect. */
export function WhatIfPanel({
  specialties,
  period,
}: {
  specialties: WhatIfPanelSpecialty[];
  period: { from: string; to: string };
}) {
  const ids = {
    specialty: useId(),
    from: useId(),
    to: useId(),
    activity: useId(),
    activityHint: useId(),
    errors: useId(),
    result: useId(),
  };
  const [specialtyId, setSpecialtyId] = useState(String(specialties[0]?.id ?? ''));
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [activity, setActivity] = useState<Activity>('clinic');
  const [drafts, setDrafts] = useState<DraftChange[]>([]);
  const [nextKey, setNextKey] = useState(1);
  const [errors, setErrors] = useState<string[]>([]);
  const [asked, setAsked] = useState<{
    from: string;
    to: string;
    activity: Activity;
    specialty: string;
  } | null>(null);
  const whatIf = useReviewWhatIf();
  const specialty = specialties.find((candidate) => String(candidate.id) === specialtyId);
  const consultants = specialty?.consultants ?? [];

  function addChange(kind: DraftChange['kind']) {
    const key = nextKey;
    setNextKey(key + 1);
    const first = String(consultants[0]?.id ?? '');
    const second = String(consultants[1]?.id ?? '');
    setDrafts((current) => [
      ...current,
      kind === 'move'
        ? { key, kind, fromConsultantId: first, toConsultantId: second, sessionsPerWeek: '1' }
        : { key, kind, consultantId: first, casesPerSession: '' },
    ]);
  }
  function updateChange(key: number, patch: Partial<Record<string, string>>) {
    setDrafts((current) =>
      current.map((draft) => (draft.key === key ? ({ ...draft, ...patch } as DraftChange) : draft)),
    );
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const checked = checkDraftChanges(drafts, activity);
    const periodErrors =
      !from || !to || from > to ? ['Give a period whose end is on or after its start.'] : [];
    const found = [...periodErrors, ...checked.errors];
    setErrors(found);
    // A result shown under new, different changes would read as theirs: it goes until they are tried.
    if (found.length > 0) whatIf.reset();
    if (found.length > 0 || !specialty) return;
    setAsked({ from, to, activity, specialty: specialty.name });
    whatIf.mutate({ specialtyId: specialty.id, period: { from, to }, activity, changes: checked.changes });
  }

  return (
    <Panel aria-labelledby="what-if-heading">
      <SectionHeading id="what-if-heading">What if: try a job-plan change before agreeing it</SectionHeading>
      <p className="mb-6 max-w-4xl">
        Move sessions between a specialty’s consultants, or change the output a consultant’s sessions are
        templated for, and see what it would have done over the period to fulfilment, workload balance and
        patients a week. Nothing is changed or saved.
      </p>
      <form onSubmit={onSubmit} noValidate aria-describedby={errors.length > 0 ? ids.errors : undefined}>
        <div className="mb-6 flex flex-wrap items-end gap-6">
          <div>
            <Label htmlFor={ids.specialty}>Specialty</Label>
            <Select
              id={ids.specialty}
              value={specialtyId}
              onChange={(event) => {
                setSpecialtyId(event.target.value);
                setDrafts([]);
              }}
            >
              {specialties.map((option) => (
                <option key={option.id} value={option.id}>
                  {option.name} (specialty {option.code})
                </option>
              ))}
            </Select>
          </div>
          <div>
            <Label htmlFor={ids.from}>From</Label>
            <TextInput
              id={ids.from}
              type="date"
              value={from}
              onChange={(event) => setFrom(event.target.value)}
            />
          </div>
          <div>
            <Label htmlFor={ids.to}>To</Label>
            <TextInput id={ids.to} type="date" value={to} onChange={(event) => setTo(event.target.value)} />
          </div>
          <div>
            <Label htmlFor={ids.activity}>Activity</Label>
            <Select
              id={ids.activity}
              value={activity}
              aria-describedby={ids.activityHint}
              onChange={(event) => setActivity(event.target.value as Activity)}
            >
              <option value="clinic">{ACTIVITY_LABELS.clinic}</option>
              <option value="list">{ACTIVITY_LABELS.list}</option>
              <option value="all">{ACTIVITY_LABELS.all}</option>
            </Select>
          </div>
        </div>
        <Hint id={ids.activityHint}>
          Template outputs are patients a clinic or cases a list, so a template change needs clinics or lists,
          not both.
        </Hint>
        <Fieldset legend="Changes to try">
          {drafts.length === 0 && (
            <p className="mb-4">No changes yet: add a move of sessions or a template change.</p>
          )}
          <ol className="mb-4 grid gap-4">
            {drafts.map((draft, index) => (
              <li key={draft.key} className="border-l-4 border-nhs-blue pl-4">
                <DraftChangeFields
                  draft={draft}
                  number={index + 1}
                  consultants={consultants}
                  onChange={(patch) => updateChange(draft.key, patch)}
                  onRemove={() => setDrafts((current) => current.filter((item) => item.key !== draft.key))}
                />
              </li>
            ))}
          </ol>
          <div className="flex flex-wrap gap-4">
            <SecondaryButton onClick={() => addChange('move')} disabled={consultants.length < 2}>
              Add a move of sessions
            </SecondaryButton>
            <SecondaryButton onClick={() => addChange('output')} disabled={consultants.length === 0}>
              Add a template change
            </SecondaryButton>
          </div>
        </Fieldset>
        {errors.length > 0 && (
          <div id={ids.errors} role="alert" className="mb-4">
            {errors.map((message) => (
              <ErrorMessage key={message}>{message}</ErrorMessage>
            ))}
          </div>
        )}
        <Button type="submit" disabled={whatIf.isPending}>
          {whatIf.isPending ? 'Working it out…' : 'Show the effect'}
        </Button>
      </form>
      <div aria-live="polite" className="mt-8">
        {whatIf.isError && <ErrorMessage role="alert">{whatIf.error.message}</ErrorMessage>}
        {whatIf.data && asked && !whatIf.isPending && (
          <WhatIfResultView
            result={whatIf.data}
            specialtyName={asked.specialty}
            period={{ from: asked.from, to: asked.to }}
            activityLabel={ACTIVITY_LABELS[asked.activity]}
          />
        )}
      </div>
    </Panel>
  );
}

function DraftChangeFields({
  draft,
  number,
  consultants,
  onChange,
  onRemove,
}: {
  draft: DraftChange;
  number: number;
  consultants: { id: number; name: string }[];
  onChange: (patch: Partial<Record<string, string>>) => void;
  onRemove: () => void;
}) {
  const ids = { first: useId(), second: useId(), amount: useId(), hint: useId() };
  const options = consultants.map((consultant) => (
    <option key={consultant.id} value={consultant.id}>
      {consultant.name}
    </option>
  ));
  return (
    <Fieldset
      legend={`Change ${number}: ${draft.kind === 'move' ? 'move sessions' : 'change a template’s output'}`}
      className="mb-0"
    >
      <div className="flex flex-wrap items-end gap-6">
        {draft.kind === 'move' ? (
          <>
            <div>
              <Label htmlFor={ids.first}>From consultant</Label>
              <Select
                id={ids.first}
                value={draft.fromConsultantId}
                onChange={(event) => onChange({ fromConsultantId: event.target.value })}
              >
                {options}
              </Select>
            </div>
            <div>
              <Label htmlFor={ids.second}>To consultant</Label>
              <Select
                id={ids.second}
                value={draft.toConsultantId}
                onChange={(event) => onChange({ toConsultantId: event.target.value })}
              >
                {options}
              </Select>
            </div>
            <div>
              <Label htmlFor={ids.amount}>Sessions a week</Label>
              <Hint id={ids.hint}>Half-day sessions, every week of the period</Hint>
              <div className="w-40">
                <TextInput
                  id={ids.amount}
                  type="number"
                  inputMode="decimal"
                  min={0.5}
                  max={20}
                  step={0.5}
                  aria-describedby={ids.hint}
                  value={draft.sessionsPerWeek}
                  onChange={(event) => onChange({ sessionsPerWeek: event.target.value })}
                />
              </div>
            </div>
          </>
        ) : (
          <>
            <div>
              <Label htmlFor={ids.first}>Consultant</Label>
              <Select
                id={ids.first}
                value={draft.consultantId}
                onChange={(event) => onChange({ consultantId: event.target.value })}
              >
                {options}
              </Select>
            </div>
            <div>
              <Label htmlFor={ids.amount}>New output per session</Label>
              <Hint id={ids.hint}>Patients a clinic or cases a list the template would give, e.g. 12</Hint>
              <div className="w-40">
                <TextInput
                  id={ids.amount}
                  type="number"
                  inputMode="decimal"
                  min={0}
                  max={1000}
                  step={0.5}
                  aria-describedby={ids.hint}
                  value={draft.casesPerSession}
                  onChange={(event) => onChange({ casesPerSession: event.target.value })}
                />
              </div>
            </div>
          </>
        )}
        <SecondaryButton onClick={onRemove}>
          Remove<span className="sr-only"> change {number}</span>
        </SecondaryButton>
      </div>
    </Fieldset>
  );
}

const FLAG_LABELS = { over: 'Over-delivering', under: 'Under-delivering' } as const;
const flagLabel = (flag: WhatIfFiguresView['flag']) => (flag ? FLAG_LABELS[flag] : 'Within range');

function BeforeAfter({ before, after }: { before: string; after: string }) {
  return (
    <>
      {before} <span aria-hidden="true">→</span>
      <span className="sr-only"> becomes </span> <strong>{after}</strong>
    </>
  );
}

/**
 * The effect of a what-if: the specialty's figures before and after, then each consultant whose figures change,
 * each number with its definition and period; what could not be applied; the assumptions made.
 */
export function WhatIfResultView({
  result,
  specialtyName,
  period,
  activityLabel,
}: {
  result: WhatIfResponse;
  specialtyName: string;
  period: { from: string; to: string };
  activityLabel: string;
}) {
  const periodText = `${ukDate(period.from)} to ${ukDate(period.to)} (${formatMetricValue('sessions', result.weeks)} weeks)`;
  const changed = result.consultants.filter(
    (row) =>
      row.before.expectedNet !== row.after.expectedNet ||
      row.before.delivered !== row.after.delivered ||
      row.before.patientsPerWeek !== row.after.patientsPerWeek,
  );
  const flagged = (pick: 'before' | 'after') =>
    result.consultants.filter((row) => row[pick].flag !== null).length;
  const { before, after } = result.unit;
  return (
    <section aria-labelledby="what-if-result-heading">
      <h3 id="what-if-result-heading" className="mb-2 text-[1.5rem] font-bold">
        The effect on {specialtyName}
      </h3>
      <p className="mb-4">
        {activityLabel}, {periodText}: what the period’s figures would have been with the changes. Nothing has
        been changed.
      </p>
      {result.problems.length > 0 && (
        <div role="alert" className="mb-4">
          <p className="font-bold">Not applied:</p>
          {result.problems.map((problem) => (
            <ErrorMessage key={problem}>{problem}</ErrorMessage>
          ))}
        </div>
      )}
      <dl className="mb-6 grid gap-x-8 gap-y-3 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">Session fulfilment (net)</dt>
        <dd>
          <BeforeAfter before={percent(before.fulfilment)} after={percent(after.fulfilment)} />
          <span className="block text-nhs-dark-grey">
            Delivered sessions ÷ expected sessions net of leave, over the period
          </span>
        </dd>
        <dt className="font-bold">Total delivery</dt>
        <dd>
          <BeforeAfter before={percent(before.totalDelivery)} after={percent(after.totalDelivery)} />
          <span className="block text-nhs-dark-grey">
            (Delivered + additional sessions) ÷ expected sessions net of leave, over the period
          </span>
        </dd>
        <dt className="font-bold">Patients a week</dt>
        <dd>
          <BeforeAfter before={perWeek(before.patientsPerWeek)} after={perWeek(after.patientsPerWeek)} />
          <span className="block text-nhs-dark-grey">
            Patients seen (clinics) or cases done (lists) ÷ weeks in the period
          </span>
        </dd>
        <dt className="font-bold">Workload balance</dt>
        <dd>
          <BeforeAfter
            before={`${flagged('before')} of ${result.consultants.length} flagged`}
            after={`${flagged('after')} of ${result.consultants.length} flagged`}
          />
          <span className="block text-nhs-dark-grey">
            Consultants whose total delivery over the period is at or above the trust’s over-delivery
            threshold, or below its under-delivery threshold
          </span>
        </dd>
      </dl>
      {changed.length > 0 && (
        <Table caption={`Consultants the changes affect, ${periodText}`}>
          <TableHead>
            <TableRow>
              <ColumnHeader>Consultant</ColumnHeader>
              <ColumnHeader>Fulfilment (net)</ColumnHeader>
              <ColumnHeader>Total delivery</ColumnHeader>
              <ColumnHeader>Patients a week</ColumnHeader>
              <ColumnHeader>Workload balance</ColumnHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {changed.map((row) => (
              <TableRow key={row.id}>
                <TableCell>{row.name}</TableCell>
                <TableCell>
                  <BeforeAfter
                    before={percent(row.before.fulfilment)}
                    after={percent(row.after.fulfilment)}
                  />
                </TableCell>
                <TableCell>
                  <BeforeAfter
                    before={percent(row.before.totalDelivery)}
                    after={percent(row.after.totalDelivery)}
                  />
                </TableCell>
                <TableCell>
                  <BeforeAfter
                    before={perWeek(row.before.patientsPerWeek)}
                    after={perWeek(row.after.patientsPerWeek)}
                  />
                </TableCell>
                <TableCell>
                  <BeforeAfter before={flagLabel(row.before.flag)} after={flagLabel(row.after.flag)} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <details className="mt-6">
        <summary className="cursor-pointer font-bold text-nhs-blue underline">Assumptions made</summary>
        <ul className="mt-3 ml-6 list-disc">
          {result.assumptions.map((assumption) => (
            <li key={assumption}>{assumption}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
