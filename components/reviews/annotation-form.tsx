'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorMessage, Fieldset, Label, Radio } from '@/components/ui/form';
import {
  DataPointFields,
  type MetricChoice,
  readDataPoint,
  type SessionChoice,
} from './annotation-target-fields';
import { sendJson } from './review-fetch';

interface AnnotationFormProps {
  consultantId: number;
  /** Sessions offered by name (the lost sessions of the period); any other is entered by date. */
  sessions: readonly SessionChoice[];
  metrics: readonly MetricChoice[];
}

/**
 * Adds a note of context to a session, a week or a figure of one consultant ("covering the ward", "list cancelled:
 * no beds"): shared with those who see the consultant named, or kept to its author.
 */
export function AnnotationForm({ consultantId, sessions, metrics }: AnnotationFormProps) {
  const router = useRouter();
  const ids = { text: useId(), error: useId(), shared: useId(), private: useId(), status: useId() };
  const [error, setError] = useState<{ message: string; field: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [formKey, setFormKey] = useState(0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = String(data.get('text') ?? '').trim();
    const target = readDataPoint(data);
    setSaved(null);
    if ('problem' in target) {
      setError({ message: target.problem, field: target.field });
      return;
    }
    if (!text) {
      setError({ message: 'Write the note.', field: 'text' });
      return;
    }
    setIsSaving(true);
    setError(null);
    try {
      await sendJson('/api/annotations', 'POST', {
        consultantId,
        ...target.point,
        text,
        visibility: data.get('visibility') === 'private' ? 'private' : 'shared',
      });
      setFormKey((key) => key + 1);
      setSaved('Your note has been added.');
      router.refresh();
    } catch (caught) {
      setError({
        message: caught instanceof Error ? caught.message : 'The note could not be saved.',
        field: 'text',
      });
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <>
      <div role="status" id={ids.status} className="mb-2 font-bold">
        {saved}
      </div>
      <form key={formKey} onSubmit={onSubmit} noValidate aria-label="Add a note" className="max-w-3xl">
        {error && <ErrorMessage id={ids.error}>{error.message}</ErrorMessage>}
        <DataPointFields
          sessions={sessions}
          metrics={metrics}
          errorField={error?.field}
          errorId={ids.error}
          opensOnPick
        />
        <Label htmlFor={ids.text}>Note</Label>
        <textarea
          id={ids.text}
          name="text"
          rows={3}
          maxLength={2000}
          aria-invalid={error?.field === 'text' ? true : undefined}
          aria-describedby={error?.field === 'text' ? ids.error : undefined}
          className="mb-4 block w-full max-w-2xl border-2 border-nhs-black p-2 text-[1.1875rem]"
        />
        <Fieldset legend="Who can read it?" className="mb-4">
          <Radio
            id={ids.shared}
            name="visibility"
            value="shared"
            defaultChecked
            label="Shared"
            hint="Everyone who may see this consultant’s data by name: the consultant, their clinical lead, divisional director and the administrators. Shared notes are shown in review meetings."
          />
          <Radio id={ids.private} name="visibility" value="private" label="Only me" />
        </Fieldset>
        <Button type="submit" disabled={isSaving}>
          {isSaving ? 'Saving…' : 'Add the note'}
        </Button>
      </form>
    </>
  );
}
