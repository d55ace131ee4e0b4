'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorMessage, Hint, Label, Select, TextInput } from '@/components/ui/form';
import { ACTION_STATUS_LABELS, type ActionStatus } from '@/lib/shared/action-status';
import type { OwnerChoice } from './action-form';
import { sendJson } from './review-fetch';

interface ActionEditorProps {
  action: {
    id: number;
    status: ActionStatus;
    dueOn: string | null;
    owner: { userId: number; name: string | null };
  };
  /** People it can be handed to; none: the owner is not changed here. */
  owners?: readonly OwnerChoice[];
}

/**
 * Moves an action on: its status, due date and owner, with a note of why. Only what changed is sent; the server
 * appends it to the action's history.
 */
export function ActionEditor({ action, owners = [] }: ActionEditorProps) {
  const router = useRouter();
  const ids = {
    status: useId(),
    due: useId(),
    owner: useId(),
    note: useId(),
    noteHint: useId(),
    error: useId(),
  };
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  // The current owner stays a choice even when they no longer have a role in the unit.
  const ownerChoices = owners.some((owner) => owner.userId === action.owner.userId)
    ? owners
    : [
        { userId: action.owner.userId, name: action.owner.name ?? 'Current owner', role: 'owner now' },
        ...owners,
      ];

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const status = String(data.get('status') ?? action.status);
    const dueOn = String(data.get('dueOn') ?? '') || null;
    const ownerUserId = Number(data.get('ownerUserId') ?? action.owner.userId);
    const note = String(data.get('note') ?? '').trim();
    const changes = {
      ...(status !== action.status ? { status } : {}),
      ...(dueOn !== action.dueOn ? { dueOn } : {}),
      ...(ownerUserId !== action.owner.userId ? { ownerUserId } : {}),
      ...(note ? { note } : {}),
    };
    if (Object.keys(changes).length === 0) {
      setError('Change the status, due date or owner, or write a note.');
      return;
    }
    setIsSaving(true);
    setError(null);
    setSaved(null);
    try {
      await sendJson(`/api/actions/${action.id}`, 'PATCH', changes);
      // The note is now in the history; the other fields already show the action as it stands.
      const noteField = form.elements.namedItem('note');
      if (noteField instanceof HTMLTextAreaElement) noteField.value = '';
      setSaved('The action has been updated.');
      router.refresh();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The action could not be updated.');
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-3xl">
      <div className="mb-4 flex flex-wrap gap-6">
        <div>
          <Label htmlFor={ids.status}>Status</Label>
          <Select id={ids.status} name="status" defaultValue={action.status}>
            {(Object.keys(ACTION_STATUS_LABELS) as ActionStatus[]).map((status) => (
              <option key={status} value={status}>
                {ACTION_STATUS_LABELS[status]}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Label htmlFor={ids.due}>Due</Label>
          <TextInput id={ids.due} name="dueOn" type="date" defaultValue={action.dueOn ?? ''} />
        </div>
        {owners.length > 0 && (
          <div>
            <Label htmlFor={ids.owner}>Owner</Label>
            <Select id={ids.owner} name="ownerUserId" defaultValue={String(action.owner.userId)}>
              {ownerChoices.map((owner) => (
                <option key={owner.userId} value={owner.userId}>
                  {owner.name} ({owner.role})
                </option>
              ))}
            </Select>
          </div>
        )}
      </div>
      <div className="mb-4">
        <Label htmlFor={ids.note}>Note</Label>
        <Hint id={ids.noteHint}>Optional: what was done, or why the date or owner changed.</Hint>
        <textarea
          id={ids.note}
          name="note"
          rows={3}
          maxLength={2000}
          aria-describedby={error ? `${ids.noteHint} ${ids.error}` : ids.noteHint}
          className="w-full rounded-none border-2 border-nhs-black p-2 text-[1.1875rem]"
        />
      </div>
      {error && <ErrorMessage id={ids.error}>{error}</ErrorMessage>}
      <Button type="submit" disabled={isSaving}>
        {isSaving ? 'Saving…' : 'Save the changes'}
      </Button>
      <p role="status" className="mt-4 empty:hidden">
        {saved}
      </p>
    </form>
  );
}
