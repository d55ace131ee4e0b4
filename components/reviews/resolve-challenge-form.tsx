'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { describedBy, Field } from '@/components/ui/field';
import { ErrorMessage, Fieldset, Radio } from '@/components/ui/form';
import { useFormProblems } from '@/components/ui/form-problems';
import { sendJson } from '@/lib/client/api-client';

/** Resolves one challenge: accepted with the correction made to the source data, or explained. */
export function ResolveChallengeForm({
  challengeId,
  initialError,
}: {
  challengeId: number;
  /** A refusal to show from the start (see useFormProblems). */
  initialError?: unknown;
}) {
  const router = useRouter();
  const ids = { accepted: useId(), explained: useId(), note: useId(), statusError: useId() };
  // The request's fields by the control that sets them: the finding's first radio, and the one note for both.
  const fieldIds = { status: ids.accepted, correctionNote: ids.note, resolution: ids.note };
  const { problems, attempt, refuse, fail, clear } = useFormProblems(fieldIds, initialError);
  const statusError = problems.fields.status;
  const noteError = problems.fields.correctionNote ?? problems.fields.resolution;
  // Nothing chosen at first: whether the data was wrong is the administrator's finding, not a default.
  const [status, setStatus] = useState<'accepted' | 'explained' | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get('note') ?? '').trim();
    if (status === null) {
      refuse({ status: 'Choose whether the data was wrong (accepted) or stands (explained).' });
      return;
    }
    if (!note) {
      refuse(
        status === 'accepted'
          ? { correctionNote: 'Say what was corrected in the source data.' }
          : { resolution: 'Explain why the data stands.' },
      );
      return;
    }
    setIsSaving(true);
    clear();
    try {
      await sendJson(
        'PATCH',
        `/api/challenges/${challengeId}`,
        status === 'accepted' ? { status, correctionNote: note } : { status, resolution: note },
      );
      router.refresh();
    } catch (caught) {
      fail(caught);
      setIsSaving(false);
    }
  }

  return (
    <div className="mt-4">
      <ErrorSummary problems={problems.summary} attempt={attempt} />
      <form onSubmit={onSubmit} noValidate>
        <div className={statusError ? 'mb-6 border-l-4 border-nhs-red pl-4' : undefined}>
          <Fieldset legend="Resolve the challenge" className={statusError ? 'mb-0' : undefined}>
            {statusError && <ErrorMessage id={ids.statusError}>{statusError}</ErrorMessage>}
            <Radio
              id={ids.accepted}
              name={`status-${challengeId}`}
              label="Accepted: the data was wrong and has been corrected"
              checked={status === 'accepted'}
              onChange={() => setStatus('accepted')}
              errorId={statusError ? ids.statusError : undefined}
            />
            <Radio
              id={ids.explained}
              name={`status-${challengeId}`}
              label="Explained: the data stands"
              checked={status === 'explained'}
              onChange={() => setStatus('explained')}
              errorId={statusError ? ids.statusError : undefined}
            />
          </Fieldset>
        </div>
        <Field
          id={ids.note}
          label={
            status === 'accepted'
              ? 'The correction made'
              : status === 'explained'
                ? 'The explanation'
                : 'The correction made, or the explanation'
          }
          error={noteError}
          className="mb-4"
        >
          <textarea
            id={ids.note}
            name="note"
            rows={3}
            maxLength={2000}
            {...describedBy(ids.note, { error: noteError })}
            className="block w-full max-w-2xl border-2 border-nhs-black p-2 text-[1.1875rem]"
          />
        </Field>
        <Button type="submit" disabled={isSaving}>
          {isSaving ? 'Saving…' : 'Resolve'}
        </Button>
      </form>
    </div>
  );
}
