'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorMessage, Label, TextInput } from '@/components/ui/form';
import { sendJson } from './review-fetch';

/** Agrees a new action in the meeting (owned by whoever records it; the owner can be changed later). */
export function NewActionForm({ meetingId }: { meetingId: number }) {
  const router = useRouter();
  const titleId = useId();
  const dueId = useId();
  const errorId = useId();
  const [error, setError] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const title = String(data.get('title') ?? '').trim();
    const dueOn = String(data.get('dueOn') ?? '');
    if (!title) {
      setError('Write what the action is.');
      return;
    }
    setIsSaving(true);
    setError(null);
    try {
      await sendJson('/api/actions', 'POST', { title, meetingId, ...(dueOn ? { dueOn } : {}) });
      form.reset();
      router.refresh();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The action could not be saved.');
    } finally {
      setIsSaving(false);
    }
  }

  return (
    // On the slide, the form's fields and button at the projector's type size too.
    <form
      onSubmit={onSubmit}
      className="mt-6 flex flex-wrap items-end gap-6 [&_button]:text-[1.5rem] [&_input]:text-[1.5rem]"
      noValidate
    >
      <div className="min-w-[24rem] flex-1">
        <Label htmlFor={titleId}>New action</Label>
        <TextInput id={titleId} name="title" maxLength={300} aria-describedby={error ? errorId : undefined} />
      </div>
      <div>
        <Label htmlFor={dueId}>Due</Label>
        <TextInput id={dueId} name="dueOn" type="date" />
      </div>
      <Button type="submit" disabled={isSaving}>
        {isSaving ? 'Saving…' : 'Add action'}
      </Button>
      {error && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
    </form>
  );
}
