'use client';

import { type FormEvent, useState } from 'react';
import { formatNumber } from '@/components/format';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { ErrorSummary } from '@/components/ui/error-summary';
import { InputField, SelectField } from '@/components/ui/field';
import { type FormProblems, NO_PROBLEMS, problemsFromError } from '@/components/ui/form-problems';
import { SectionHeading } from '@/components/ui/heading';
import { Notice } from '@/components/ui/notice';
import { Panel } from '@/components/ui/panel';
import { ScrollRegion } from '@/components/ui/scroll-region';
import { SecondaryButton } from '@/components/ui/secondary-button';
import {
  ColumnHeader,
  RowHeader,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@/components/ui/table';
import { useAdminMetricTargets } from '@/lib/client/hooks/use-admin-metric-targets';
import { useAdminRemoveMetricTarget } from '@/lib/client/hooks/use-admin-remove-metric-target';
import { useAdminSetMetricTarget } from '@/lib/client/hooks/use-admin-set-metric-target';
import { getMetric } from '@/lib/shared/metrics';
import {
  METRIC_TARGET_MAX,
  type MetricTargetListResponse,
  type MetricTargetSummary,
  setMetricTargetRequestSchema,
} from '@/lib/shared/schemas/admin';
import { formatAdminTime } from './labels';
import { StatusMessage } from './status-message';
import { WarningButton } from './warning-button';

const FIELD_IDS = {
  specialtyId: 'target-specialty',
  activityCategory: 'target-activity',
  value: 'target-value',
  source: 'target-source',
  sourceUrl: 'target-source-url',
};

const ACTIVITY_LABELS: Record<string, string> = { clinic: 'Clinics', list: 'Theatre and endoscopy lists' };

function describeTarget(target: MetricTargetSummary): string {
  const specialty = target.specialty ? target.specialty.name : 'Every specialty';
  const activity =
    (target.activityCategory && ACTIVITY_LABELS[target.activityCategory]) || 'clinics and lists';
  return `${specialty}, ${activity.toLowerCase()}`;
}

function SetTargetForm({ specialties }: { specialties: MetricTargetListResponse['specialties'] }) {
  const setTarget = useAdminSetMetricTarget();
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<MetricTargetSummary | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    setAttempt((count) => count + 1);
    setSaved(null);
    const input = {
      metricId: 'casesPerSession',
      specialtyId: text('specialtyId') === '' ? null : Number(text('specialtyId')),
      activityCategory: text('activityCategory') === '' ? null : text('activityCategory'),
      value: text('value') === '' ? Number.NaN : Number(text('value')),
      source: text('source'),
      sourceUrl: text('sourceUrl') === '' ? null : text('sourceUrl'),
    };
    const parsed = setMetricTargetRequestSchema.safeParse(input);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        if (!(field in fields)) fields[field] = issue.message;
      }
      setProblems({
        summary: Object.entries(fields).map(([field, message]) => ({
          message,
          fieldId: FIELD_IDS[field as keyof typeof FIELD_IDS],
        })),
        fields,
      });
      return;
    }
    setProblems(NO_PROBLEMS);
    setTarget.mutate(parsed.data, {
      onSuccess: (result) => {
        setSaved(result);
        form.reset();
      },
      onError: (error) => setProblems(problemsFromError(error, FIELD_IDS)),
    });
  }

  return (
    <>
      {saved && (
        <StatusMessage>
          <p>
            Target saved: {formatNumber(saved.value)} {getMetric('casesPerSession').label.toLowerCase()} for{' '}
            {describeTarget(saved)}.
          </p>
        </StatusMessage>
      )}
      <ErrorSummary problems={problems.summary} attempt={attempt} />
      <form noValidate onSubmit={handleSubmit} aria-labelledby="set-target-heading" className="max-w-3xl">
        <h3 id="set-target-heading" className="mb-4 text-[1.375rem] font-bold">
          Set a target
        </h3>
        <SelectField
          id={FIELD_IDS.specialtyId}
          fieldClassName="mb-6"
          name="specialtyId"
          label="Specialty"
          hint="A specialty's own target comes before a target for every specialty."
          error={problems.fields.specialtyId}
          defaultValue=""
        >
          <option value="">Every specialty</option>
          {specialties.map((specialty) => (
            <option key={specialty.id} value={specialty.id}>
              {specialty.name} ({specialty.code})
            </option>
          ))}
        </SelectField>
        <SelectField
          id={FIELD_IDS.activityCategory}
          fieldClassName="mb-6"
          name="activityCategory"
          label="Activity"
          error={problems.fields.activityCategory}
          defaultValue=""
        >
          <option value="">Clinics and lists</option>
          <option value="clinic">{ACTIVITY_LABELS.clinic}</option>
          <option value="list">{ACTIVITY_LABELS.list}</option>
        </SelectField>
        <InputField
          id={FIELD_IDS.value}
          fieldClassName="mb-6"
          name="value"
          label="Patients or cases per session"
          hint={`For example 10 for GIRFT's cataract lists. Up to ${formatNumber(METRIC_TARGET_MAX)}.`}
          inputMode="decimal"
          autoComplete="off"
          className="w-32"
          error={problems.fields.value}
        />
        <InputField
          id={FIELD_IDS.source}
          fieldClassName="mb-6"
          name="source"
          label="Source"
          hint="Where the target comes from, shown with it, for example “GIRFT ophthalmology (2021)”."
          autoComplete="off"
          error={problems.fields.source}
        />
        <InputField
          id={FIELD_IDS.sourceUrl}
          fieldClassName="mb-6"
          name="sourceUrl"
          label="Source web address (optional)"
          type="url"
          autoComplete="off"
          error={problems.fields.sourceUrl}
        />
        <Button type="submit" disabled={setTarget.isPending}>
          {setTarget.isPending ? 'Saving the target…' : 'Save target'}
        </Button>
      </form>
    </>
  );
}

/**
 * Targets for cases per session: where one is set it replaces the specialty median as the productivity benchmark
 * (the opportunity's productivity part). Each change is recorded in the audit log.
 */
export function MetricTargetsManager({ initialTargets }: { initialTargets: MetricTargetListResponse }) {
  const query = useAdminMetricTargets(initialTargets);
  const removeTarget = useAdminRemoveMetricTarget();
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const { targets, specialties } = query.data ?? initialTargets;

  function remove(target: MetricTargetSummary) {
    setMessage(null);
    setProblem(null);
    setAttempt((count) => count + 1);
    removeTarget.mutate(target.id, {
      onSuccess: () =>
        setMessage(
          `The target for ${describeTarget(target)} is removed: the specialty median applies again.`,
        ),
      onError: (error) => setProblem(error.message),
    });
  }

  return (
    <Panel aria-labelledby="metric-targets-heading">
      <SectionHeading id="metric-targets-heading">Cases per session targets</SectionHeading>
      <p className="mb-6 max-w-3xl">
        The opportunity from productivity compares each consultant&apos;s patients or cases per session with a
        benchmark: the median of their specialty, unless a target is set here (such as GIRFT&apos;s 10
        cataracts per half-day list). The most specific target applies: a specialty&apos;s own before every
        specialty&apos;s, one activity&apos;s before both.
      </p>
      {query.isError && (
        <Notice>
          <p className="mb-3">
            <strong>The targets could not be refreshed:</strong> {query.error.message}
          </p>
          <SecondaryButton onClick={() => query.refetch()}>Try again</SecondaryButton>
        </Notice>
      )}
      {message && (
        <StatusMessage>
          <p>{message}</p>
        </StatusMessage>
      )}
      <ErrorSummary problems={problem ? [{ message: problem }] : []} attempt={attempt} />
      {targets.length === 0 ? (
        <EmptyState title="No targets set">
          <p>Every specialty is compared with its own median.</p>
        </EmptyState>
      ) : (
        <ScrollRegion label="Cases per session targets table">
          <Table caption="Cases per session targets" isCaptionHidden>
            <TableHead>
              <TableRow>
                <ColumnHeader>Applies to</ColumnHeader>
                <ColumnHeader align="end">Target</ColumnHeader>
                <ColumnHeader>Source</ColumnHeader>
                <ColumnHeader>Set</ColumnHeader>
                <ColumnHeader>
                  <span className="sr-only">Action</span>
                </ColumnHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {targets.map((target) => (
                <TableRow key={target.id}>
                  <RowHeader>{describeTarget(target)}</RowHeader>
                  <TableCell align="end">{formatNumber(target.value)}</TableCell>
                  <TableCell className="break-words">
                    {target.sourceUrl ? (
                      <a href={target.sourceUrl} rel="noreferrer noopener" target="_blank">
                        {target.source}
                      </a>
                    ) : (
                      target.source
                    )}
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{formatAdminTime(target.createdAt)}</TableCell>
                  <TableCell>
                    <WarningButton onClick={() => remove(target)} disabled={removeTarget.isPending}>
                      Remove<span className="sr-only"> the target for {describeTarget(target)}</span>
                    </WarningButton>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </ScrollRegion>
      )}
      <SetTargetForm specialties={specialties} />
    </Panel>
  );
}
