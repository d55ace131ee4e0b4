'use client';

import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { InputField } from '@/components/ui/field';
import { Fieldset, Radio } from '@/components/ui/form';
import { type FormProblems, NO_PROBLEMS, problemsFromError, problemsOf } from '@/components/ui/form-problems';
import { SectionHeading } from '@/components/ui/heading';
import { Notice } from '@/components/ui/notice';
import { Panel } from '@/components/ui/panel';
import { useAdminParameters } from '@/lib/client/hooks/use-admin-parameters';
import { useAdminUpdateParameters } from '@/lib/client/hooks/use-admin-update-parameters';
import {
  PARAMETER_RANGES,
  type ParameterField,
  type TrustParametersResponse,
  type UpdateTrustParametersResponse,
  updateTrustParametersRequestSchema,
} from '@/lib/shared/schemas/admin';
import { formatAdminTime } from './labels';
import { StatusMessage } from './status-message';

type Kind = 'days' | 'percent' | 'sessions' | 'months';

interface NumberParameter {
  field: Exclude<ParameterField, 'dnaIncludesLateNotSeen'>;
  label: string;
  explanation: string;
  kind: Kind;
}

const UNIT: Record<Kind, string> = {
  days: 'days',
  percent: '%',
  sessions: 'held sessions',
  months: 'months',
};

const NUMBER_PARAMETERS: readonly NumberParameter[] = [
  {
    field: 'noticeThresholdDays',
    label: 'Leave-notice threshold',
    explanation:
      'Leave requested fewer days than this before a session counts as short notice; at least this many, adequate notice.',
    kind: 'days',
  },
  {
    field: 'fulfilmentTarget',
    label: 'Fulfilment target',
    explanation:
      'Session fulfilment (net) aimed for; opportunity from fulfilment is measured against it. Shown as the target on every fulfilment chart.',
    kind: 'percent',
  },
  {
    field: 'benchmarkMinHeldSessions',
    label: 'Benchmark minimum held sessions',
    explanation:
      'A consultant counts towards the specialty median of patients per session only with at least this many held sessions in the period.',
    kind: 'sessions',
  },
  {
    field: 'overDeliveryThreshold',
    label: 'Over-delivery threshold',
    explanation: 'Total delivery at or above this, month after month, is flagged as sustained over-delivery.',
    kind: 'percent',
  },
  {
    field: 'underDeliveryThreshold',
    label: 'Under-delivery threshold',
    explanation: 'Total delivery below this, month after month, is flagged as sustained under-delivery.',
    kind: 'percent',
  },
  {
    field: 'sustainedMonths',
    label: 'Sustained for',
    explanation: 'Complete months in a row of over- or under-delivery before it is flagged.',
    kind: 'months',
  },
  {
    field: 'jobPlanReviewMonths',
    label: 'Job plan review interval',
    explanation: 'An agreed job plan older than this is no longer current.',
    kind: 'months',
  },
];

/** The escalation rules of review meetings (issue 7): who goes on a lead's "for review" list, when an action escalates. */
const ESCALATION_PARAMETERS: readonly NumberParameter[] = [
  {
    field: 'reviewFulfilmentBelow',
    label: 'For review when fulfilment is below',
    explanation:
      'A consultant whose session fulfilment (net) is below this in each of the months below goes on their lead’s “for review” list.',
    kind: 'percent',
  },
  {
    field: 'reviewTotalDeliveryAbove',
    label: 'For review when total delivery is above',
    explanation:
      'A consultant whose total delivery is above this in each of the months below goes on the “for review” list (a workload signal).',
    kind: 'percent',
  },
  {
    field: 'reviewMonths',
    label: 'For review after',
    explanation:
      'Complete months in a row outside either threshold before a consultant is put forward for review.',
    kind: 'months',
  },
  {
    field: 'actionEscalationDays',
    label: 'Escalate actions overdue by more than',
    explanation: 'An open action overdue by more than this many days escalates to the divisional director.',
    kind: 'days',
  },
];

const ALL_NUMBER_PARAMETERS = [...NUMBER_PARAMETERS, ...ESCALATION_PARAMETERS];

const LABELS: Record<ParameterField, string> = {
  ...(Object.fromEntries(
    ALL_NUMBER_PARAMETERS.map((parameter) => [parameter.field, parameter.label]),
  ) as Record<NumberParameter['field'], string>),
  dnaIncludesLateNotSeen: 'DNA includes code 7',
};

const fieldId = (field: ParameterField) => `parameter-${field}`;
const FIELD_IDS: Record<string, string> = {
  ...Object.fromEntries(
    ALL_NUMBER_PARAMETERS.map((parameter) => [parameter.field, fieldId(parameter.field)]),
  ),
  dnaIncludesLateNotSeen: 'parameter-dnaIncludesLateNotSeen-yes',
};

/** A percentage as the form shows it: 0.95 → "95", 1.1 → "110". */
function toPercentText(fraction: number): string {
  return String(Math.round(fraction * 10_000) / 100);
}

/** What was typed, as the API takes it (NaN for anything that is not a number in the expected form). */
function readValue(text: string, kind: Kind): number {
  const trimmed = text.trim();
  if (kind === 'percent') {
    return /^\d{1,3}(\.\d{1,2})?$/.test(trimmed) ? Math.round(Number(trimmed) * 100) / 10_000 : Number.NaN;
  }
  return /^\d{1,4}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

function rangeHint(parameter: NumberParameter): string {
  const { min, max } = PARAMETER_RANGES[parameter.field];
  if (parameter.kind === 'percent') return `From ${toPercentText(min)}% to ${toPercentText(max)}%.`;
  return `A whole number from ${min} to ${max}.`;
}

function describeResult(result: UpdateTrustParametersResponse) {
  if (result.changed.length === 0) return <p>Nothing changed: these values were already in force.</p>;
  return (
    <>
      <p>
        <strong>Parameters saved.</strong> Changed: {result.changed.map((field) => LABELS[field]).join(', ')}.
      </p>
      {result.ledgerRebuild === 'done' && (
        <p className="mt-2">The session ledger has been rebuilt with the new leave-notice threshold.</p>
      )}
    </>
  );
}

/** Every trust parameter with what it does, its current value and its range; saving a new notice threshold rebuilds the ledger. */
export function TrustParametersForm({ initialParameters }: { initialParameters: TrustParametersResponse }) {
  const query = useAdminParameters(initialParameters);
  const updateParameters = useAdminUpdateParameters();
  const parameters = query.data ?? initialParameters;
  const [dnaIncludesLateNotSeen, setDnaIncludesLateNotSeen] = useState(parameters.dnaIncludesLateNotSeen);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<UpdateTrustParametersResponse | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = {
      ...Object.fromEntries(
        ALL_NUMBER_PARAMETERS.map((parameter) => [
          parameter.field,
          readValue(String(data.get(parameter.field) ?? ''), parameter.kind),
        ]),
      ),
      dnaIncludesLateNotSeen,
    };
    setAttempt((count) => count + 1);
    setResult(null);
    const parsed = updateTrustParametersRequestSchema.safeParse(input);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) fields[String(issue.path[0] ?? '')] ??= issue.message;
      setProblems(problemsOf(fields, FIELD_IDS));
      return;
    }
    setProblems(NO_PROBLEMS);
    updateParameters.mutate(parsed.data, {
      onSuccess: setResult,
      onError: (error) => setProblems(problemsFromError(error, FIELD_IDS)),
    });
  }

  function renderField(parameter: NumberParameter) {
    const value = parameters[parameter.field];
    const current =
      parameter.kind === 'percent' ? `${toPercentText(value)}%` : `${value} ${UNIT[parameter.kind]}`;
    return (
      <InputField
        key={`${parameter.field}-${parameters.updatedAt ?? 'default'}`}
        id={fieldId(parameter.field)}
        fieldClassName="mb-6"
        name={parameter.field}
        label={`${parameter.label} (${UNIT[parameter.kind]})`}
        hint={
          <>
            {parameter.explanation} {rangeHint(parameter)} In force: {current}.
            {parameter.field === 'noticeThresholdDays' && (
              <strong className="mt-1 block text-nhs-black">
                Changing it rebuilds the session ledger for the whole trust when you save, which can take a
                little while.
              </strong>
            )}
          </>
        }
        inputMode={parameter.kind === 'percent' ? 'decimal' : 'numeric'}
        defaultValue={parameter.kind === 'percent' ? toPercentText(value) : String(value)}
        suffix={UNIT[parameter.kind]}
        className="max-w-[10rem]!"
        error={problems.fields[parameter.field]}
      />
    );
  }

  return (
    <Panel aria-labelledby="parameters-form-heading">
      <SectionHeading id="parameters-form-heading">Parameters</SectionHeading>
      <p className="mb-6 max-w-3xl">
        {parameters.updatedAt
          ? `Last changed ${formatAdminTime(parameters.updatedAt)} (Europe/London).`
          : 'The trust uses the metric dictionary’s defaults: nothing has been changed yet.'}{' '}
        Every change is recorded in the audit log with the values before and after.
      </p>
      {result &&
        (result.ledgerRebuild === 'failed' ? (
          <Notice>
            <p>
              <strong>The parameters are saved, but the session ledger could not be rebuilt.</strong> Until it
              is, leave outcomes use the old notice threshold. It will be rebuilt at the next import, or run{' '}
              <code className="font-mono">ledger:refresh</code>.
            </p>
          </Notice>
        ) : (
          <StatusMessage>{describeResult(result)}</StatusMessage>
        ))}
      <ErrorSummary problems={problems.summary} attempt={attempt} />
      <form
        noValidate
        onSubmit={handleSubmit}
        aria-labelledby="parameters-form-heading"
        className="max-w-3xl"
      >
        {NUMBER_PARAMETERS.map(renderField)}
        <Fieldset legend="Does “did not attend” include patients who arrived late and were not seen (attendance code 7)?">
          <p className="mb-3 text-nhs-dark-grey">
            Used in the DNA rate. In force: {parameters.dnaIncludesLateNotSeen ? 'yes' : 'no'}.
          </p>
          <Radio
            id="parameter-dnaIncludesLateNotSeen-yes"
            name="dnaIncludesLateNotSeen"
            value="yes"
            checked={dnaIncludesLateNotSeen}
            onChange={() => setDnaIncludesLateNotSeen(true)}
            label="Yes, count code 7 as a DNA"
          />
          <Radio
            id="parameter-dnaIncludesLateNotSeen-no"
            name="dnaIncludesLateNotSeen"
            value="no"
            checked={!dnaIncludesLateNotSeen}
            onChange={() => setDnaIncludesLateNotSeen(false)}
            label="No, only code 3"
          />
        </Fieldset>
        <Fieldset legend="Escalation rules for reviews">
          <p className="mb-3 text-nhs-dark-grey">
            Who is put forward on the clinical lead’s “for review” list, and when an overdue action is shown
            to the divisional director. Both appear on the overview for the people concerned.
          </p>
          {ESCALATION_PARAMETERS.map(renderField)}
        </Fieldset>
        <Button type="submit" disabled={updateParameters.isPending}>
          {updateParameters.isPending ? 'Saving the parameters…' : 'Save parameters'}
        </Button>
      </form>
    </Panel>
  );
}
