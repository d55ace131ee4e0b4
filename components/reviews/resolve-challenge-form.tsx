'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorMessage, Fieldset, Label, Radio } from '@/components/ui/form';
import { sendJson } from './review-fetch';

/** Resolves one challenge: accepted with the correction made to the source data, or explained. */
export function ResolveChallengeForm({ challengeId }: { challengeId: number }) {
  const router = useRouter();
  const ids = { note: useId(), error: useId(), accepted: useId(), explained: useId() };
  // Nothing chosen at first: whether the data was wrong is the administrator's finding, not a default.
  const [status, setStatus] = useState<'accepted' | 'explained' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get('note') ?? '').trim();
    if (status === null) {
      setError('Choose whether the data was wrong (accepted) or stands (explained).');
      return;
    }
    if (!note) {
      setError(
        status === 'accepted' ? 'Say what was corrected in the source data.' : 'Explain why the data stands.',
      );
      return;
    }
    setIsSaving(true);
    setError(null);
    try {
      await sendJson(
        `/api/challenges/${challengeId}`,
        'PATCH',
        status === 'accepted' ? { status, correctionNote: note } : { status, resolution: note },
      );
      router.refresh();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The challenge could not be resolved.');
      setIsSaving(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="mt-4">
      <Fieldset legend="Resolve the challenge">
        <Radio
          id={ids.accepted}
          name={`status-${challengeId}`}
          label="Accepted: the data was wrong and has been corrected"
          checked={status === 'accepted'}
          onChange={() => setStatus('accepted')}
        />
        <Radio
          id={ids.explained}
          name={`status-${challengeId}`}
          label="Explained: the data stands"
          checked={status === 'explained'}
          onChange={() => setStatus('explained')}
        />
      </Fieldset>
      <Label htmlFor={ids.note}>
        {status === 'accepted'
          ? 'The correction made'
          : status === 'explained'
            ? 'The explanation'
            : 'The correction made, or the explanation'}
      </Label>
      {error && <ErrorMessage id={ids.error}>{error}</ErrorMessage>}
      <textarea
        id={ids.note}
        name="note"
        rows={3}
        maxLength={2000}
        aria-describedby={error ? ids.error : undefined}
        className="mb-4 block w-full max-w-2xl border-2 border-nhs-black p-2 text-[1.1875rem]"
      />
      <Button type="submit" disabled={isSaving}>
        {isSaving ? 'Saving…' : 'Resolve'}
      </Button>
    </form>
  );
}
