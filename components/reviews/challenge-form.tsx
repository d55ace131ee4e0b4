'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorMessage, Hint, Label, TextInput } from '@/components/ui/form';
import {
  DataPointFields,
  type MetricChoice,
  readDataPoint,
  type SessionChoice,
} from './annotation-target-fields';
import { sendJson } from './review-fetch';

interface ChallengeFormProps {
  consultantId: number;
  /** Sessions offered by name (the lost sessions of the period); any other is entered by date. */
  sessions: readonly SessionChoice[];
  metrics: readonly MetricChoice[];
}

/**
 * Challenges a data point as wrong (a session recorded as lost that was held, a figure that cannot be right): it
 * goes to the administrators' queue, who correct the source data or explain why it stands.
 */
export function ChallengeForm({ consultantId, sessions, metrics }: ChallengeFormProps) {
  const router = useRouter();
  const ids = { reason: useId(), shown: useId(), shownHint: useId(), error: useId() };
  const [error, setError] = useState<{ message: string; field: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const [formKey, setFormKey] = useState(0);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const reason = String(data.get('reason') ?? '').trim();
    const shownValue = String(data.get('shownValue') ?? '').trim();
    const target = readDataPoint(data);
    setSaved(null);
    if ('problem' in target) {
      setError({ message: target.problem, field: target.field });
      return;
    }
    if (!reason) {
      setError({ message: 'Say what is wrong and what is right.', field: 'reason' });
      return;
    }
    setIsSaving(true);
    setError(null);
    try {
      await sendJson('/api/challenges', 'POST', {
        consultantId,
        ...target.point,
        ...(shownValue ? { shownValue } : {}),
        reason,
      });
      setFormKey((key) => key + 1);
      setSaved('Your challenge has been sent to the administrators. Its outcome will show here.');
      router.refresh();
    } catch (caught) {
      setError({
        message: caught instanceof Error ? caught.message : 'The challenge could not be sent.',
        field: 'reason',
      });
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <>
      <div role="status" className="mb-2 font-bold">
        {saved}
      </div>
      <form
        key={formKey}
        onSubmit={onSubmit}
        noValidate
        aria-label="Challenge a figure"
        className="max-w-3xl"
      >
        {error && <ErrorMessage id={ids.error}>{error.message}</ErrorMessage>}
        <DataPointFields
          sessions={sessions}
          metrics={metrics}
          errorField={error?.field}
          errorId={ids.error}
        />
        <Label htmlFor={ids.shown}>What Fulfil shows (optional)</Label>
        <Hint id={ids.shownHint}>For example “Not scheduled” or “62%”.</Hint>
        <TextInput
          id={ids.shown}
          name="shownValue"
          maxLength={200}
          aria-describedby={ids.shownHint}
          className="mb-4"
        />
        <Label htmlFor={ids.reason}>Why it is wrong</Label>
        <textarea
          id={ids.reason}
          name="reason"
          rows={3}
          maxLength={2000}
          aria-invalid={error?.field === 'reason' ? true : undefined}
          aria-describedby={error?.field === 'reason' ? ids.error : undefined}
          className="mb-4 block w-full max-w-2xl border-2 border-nhs-black p-2 text-[1.1875rem]"
        />
        <Button type="submit" disabled={isSaving}>
          {isSaving ? 'Sending…' : 'Send the challenge'}
        </Button>
      </form>
    </>
  );
}
