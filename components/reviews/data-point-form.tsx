'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { describedBy, Field } from '@/components/ui/field';
import { useFormProblems } from '@/components/ui/form-problems';
import { sendJson } from '@/lib/client/api-client';
import {
  DataPointFields,
  dataPointFieldIds,
  type MetricChoice,
  readDataPoint,
  type SessionChoice,
} from './annotation-target-fields';

/** What the note and challenge forms are given: the consultant, and the sessions and figures they offer. */
export interface DataPointFormProps {
  consultantId: number;
  /** Sessions offered by name (the lost sessions of the period); any other is entered by date. */
  sessions: readonly SessionChoice[];
  metrics: readonly MetricChoice[];
  /** A refusal to show from the start (see useFormProblems). */
  initialError?: unknown;
}

/** The form's own field: its id (from the form's id prefix), and the problem with it, if any. */
export interface OwnField {
  id: string;
  error?: string;
}

interface DataPointFormLayoutProps extends DataPointFormProps {
  /** The form's accessible name, e.g. "Add a note". */
  name: string;
  /** The route it posts to. */
  url: string;
  /** The text every such form needs: its field name in the request, label, and what to say when it is empty. */
  text: { name: string; label: string; whenEmpty: string };
  /** The names (in the request) of the form's own fields, drawn by `before` and `after` with their ids and problems. */
  ownFields?: readonly string[];
  before?: (fields: Record<string, OwnField>) => ReactNode;
  after?: (fields: Record<string, OwnField>) => ReactNode;
  /** The request's own fields, read from the submitted form. */
  readOwnFields?: (data: FormData) => Record<string, unknown>;
  submit: { label: string; busy: string };
  /** Said (role=status) once it is sent. */
  sentMessage: string;
  opensOnPick?: boolean;
}

/**
 * The layout a note and a challenge share: what it is about (a session, a week or a figure), the form's own fields,
 * the text, the button and what became of it. Problems found before sending, and the server's refusals, are shown
 * in the error summary at the top (each linked to its field) and beside the field.
 */
export function DataPointForm({
  consultantId,
  sessions,
  metrics,
  initialError,
  name,
  url,
  text,
  ownFields = [],
  before,
  after,
  readOwnFields = () => ({}),
  submit,
  sentMessage,
  opensOnPick = false,
}: DataPointFormLayoutProps) {
  const router = useRouter();
  const idPrefix = useId();
  const fieldIds: Record<string, string> = {
    ...dataPointFieldIds(idPrefix),
    [text.name]: `${idPrefix}-${text.name}`,
    ...Object.fromEntries(ownFields.map((field) => [field, `${idPrefix}-${field}`])),
  };
  const { problems, attempt, refuse, fail, clear } = useFormProblems(fieldIds, initialError);
  const [sent, setSent] = useState<string | null>(null);
  const [isSending, setIsSending] = useState(false);
  const [formKey, setFormKey] = useState(0);
  const own = Object.fromEntries(
    ownFields.map((field) => [field, { id: fieldIds[field] as string, error: problems.fields[field] }]),
  );
  const textId = fieldIds[text.name] as string;
  const textError = problems.fields[text.name];

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const written = String(data.get(text.name) ?? '').trim();
    const target = readDataPoint(data);
    setSent(null);
    if ('problem' in target || !written) {
      refuse({
        ...('problem' in target ? { [target.field]: target.problem } : {}),
        ...(written ? {} : { [text.name]: text.whenEmpty }),
      });
      return;
    }
    setIsSending(true);
    clear();
    try {
      await sendJson('POST', url, {
        consultantId,
        ...target.point,
        ...readOwnFields(data),
        [text.name]: written,
      });
      setFormKey((key) => key + 1);
      setSent(sentMessage);
      router.refresh();
    } catch (caught) {
      fail(caught);
    } finally {
      setIsSending(false);
    }
  }

  return (
    <>
      <div role="status" className="mb-2 font-bold">
        {sent}
      </div>
      <ErrorSummary problems={problems.summary} attempt={attempt} />
      <form key={formKey} onSubmit={onSubmit} noValidate aria-label={name} className="max-w-3xl">
        <DataPointFields
          sessions={sessions}
          metrics={metrics}
          idPrefix={idPrefix}
          errors={problems.fields}
          opensOnPick={opensOnPick}
        />
        {before?.(own)}
        <Field id={textId} label={text.label} error={textError} className="mb-4">
          <textarea
            id={textId}
            name={text.name}
            rows={3}
            maxLength={2000}
            {...describedBy(textId, { error: textError })}
            className="block w-full max-w-2xl border-2 border-nhs-black p-2 text-[1.1875rem]"
          />
        </Field>
        {after?.(own)}
        <Button type="submit" disabled={isSending}>
          {isSending ? submit.busy : submit.label}
        </Button>
      </form>
    </>
  );
}
