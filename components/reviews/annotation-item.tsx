'use client';

import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorMessage, Fieldset, Label, Radio } from '@/components/ui/form';
import { SecondaryButton } from '@/components/ui/secondary-button';
import { sendJson } from '@/lib/client/api-client';
import { AnnotationDeleteButton } from './annotation-delete-button';

type Visibility = 'shared' | 'private';

/** The longest note the API takes (lib/shared/schemas/reviews.ts). */
export const MAX_NOTE_LENGTH = 2000;

/** What an edit sends: only the fields that changed (the API refuses an empty change). */
export interface NoteChange {
  text?: string;
  visibility?: Visibility;
}

/**
 * Checks an edited note against the one shown: the change to send, nothing to send, or what is wrong with it (as the
 * form's error message says it).
 */
export function checkNoteEdit(
  original: { text: string; visibility: Visibility },
  edited: { text: string; visibility: Visibility },
): { change: NoteChange } | { isUnchanged: true } | { problem: string } {
  const text = edited.text.trim();
  if (!text) return { problem: 'Write the note.' };
  if (text.length > MAX_NOTE_LENGTH) return { problem: 'The note must be 2,000 characters or fewer.' };
  const change: NoteChange = {
    ...(text === original.text ? {} : { text }),
    ...(edited.visibility === original.visibility ? {} : { visibility: edited.visibility }),
  };
  return Object.keys(change).length === 0 ? { isUnchanged: true } : { change };
}

interface AnnotationItemProps {
  annotationId: number;
  /** What the note is about, in words ("Session Mon 02/03/2026, AM"). */
  about: string;
  text: string;
  visibility: Visibility;
  /** Who wrote it and when. */
  byline: string;
  /** The caller wrote it: only then may they change or delete it (the API refuses anyone else). */
  isOwn: boolean;
}

/**
 * One note of the consultant page: its text, who wrote it and, for its author, Edit and Delete. Edit swaps the text
 * for a form in place (focus moves to the note's text; Cancel or Escape, or saving, returns it to Edit).
 */
export function AnnotationItem({
  annotationId,
  about,
  text,
  visibility,
  byline,
  isOwn,
}: AnnotationItemProps) {
  const router = useRouter();
  const ids = { text: useId(), error: useId(), shared: useId(), private: useId() };
  const [isEditing, setIsEditing] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [focusNext, setFocusNext] = useState<'text' | 'edit' | null>(null);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const mutation = useMutation({
    mutationFn: (change: NoteChange) =>
      sendJson<{ text: string; visibility: Visibility }>('PATCH', `/api/annotations/${annotationId}`, change),
    onSuccess: () => {
      setIsEditing(false);
      setFocusNext('edit');
      setStatus('Your note has been changed.');
      router.refresh();
    },
    // Back to the text, which the error now describes.
    onError: () => setFocusNext('text'),
  });
  // Until the page's refresh arrives, the saved note is the server's answer to the edit.
  const shown = mutation.isSuccess ? mutation.data : { text, visibility };

  useEffect(() => {
    if (focusNext === 'text') textRef.current?.focus();
    if (focusNext === 'edit') editRef.current?.focus();
    if (focusNext) setFocusNext(null);
  }, [focusNext]);

  function startEditing() {
    setProblem(null);
    setStatus(null);
    setIsEditing(true);
    setFocusNext('text');
  }

  function stopEditing() {
    mutation.reset();
    setProblem(null);
    setIsEditing(false);
    setFocusNext('edit');
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const checked = checkNoteEdit(shown, {
      text: String(data.get('text') ?? ''),
      visibility: data.get('visibility') === 'private' ? 'private' : 'shared',
    });
    if ('problem' in checked) {
      setProblem(checked.problem);
      // After the render that ties the error to the text (aria-describedby), so that it is read with it.
      setFocusNext('text');
      return;
    }
    if ('isUnchanged' in checked) {
      setStatus('Nothing was changed.');
      stopEditing();
      return;
    }
    setProblem(null);
    mutation.mutate(checked.change);
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Escape' && !mutation.isPending) {
      event.preventDefault();
      stopEditing();
    }
  }

  const error =
    problem ?? (mutation.isError ? mutation.error.message || 'The note could not be saved.' : null);
  return (
    <>
      <p className="font-bold">{about}</p>
      {isEditing ? (
        <form
          onSubmit={onSubmit}
          onKeyDown={onKeyDown}
          noValidate
          aria-label={`Edit the note about ${about}`}
          className="my-3"
        >
          {error && <ErrorMessage id={ids.error}>{error}</ErrorMessage>}
          <Label htmlFor={ids.text}>Note</Label>
          <textarea
            ref={textRef}
            id={ids.text}
            name="text"
            rows={3}
            maxLength={MAX_NOTE_LENGTH}
            defaultValue={shown.text}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? ids.error : undefined}
            className="mb-4 block w-full max-w-2xl border-2 border-nhs-black p-2 text-[1.1875rem]"
          />
          <Fieldset legend="Who can read it?" className="mb-4">
            <Radio
              id={ids.shared}
              name="visibility"
              value="shared"
              defaultChecked={shown.visibility === 'shared'}
              label="Shared"
              hint="Everyone who may see this consultant’s data by name."
            />
            <Radio
              id={ids.private}
              name="visibility"
              value="private"
              defaultChecked={shown.visibility === 'private'}
              label="Only me"
            />
          </Fieldset>
          <div className="flex flex-wrap gap-4">
            <Button type="submit" disabled={mutation.isPending}>
              {mutation.isPending ? 'Saving…' : 'Save the note'}
            </Button>
            <SecondaryButton onClick={stopEditing} disabled={mutation.isPending}>
              Cancel
            </SecondaryButton>
          </div>
        </form>
      ) : (
        <p className="whitespace-pre-line">{shown.text}</p>
      )}
      <p className="text-nhs-dark-grey">
        {byline}
        {shown.visibility === 'private' && ' · only you can read this note'}
      </p>
      <p role="status" className="font-bold">
        {status}
      </p>
      {isOwn && !isEditing && (
        <div className="flex flex-wrap items-start gap-4">
          <SecondaryButton ref={editRef} onClick={startEditing} className="mt-2">
            Edit<span className="sr-only"> the note about {about}</span>
          </SecondaryButton>
          <AnnotationDeleteButton annotationId={annotationId} about={about} />
        </div>
      )}
    </>
  );
}
