'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { describedBy, Field, InputField, SelectField } from '@/components/ui/field';
import { useFormProblems } from '@/components/ui/form-problems';
import { sendJson } from '@/lib/client/api-client';
import { ACTION_STATUS_LABELS, type ActionStatus } from '@/lib/shared/action-status';
import { type OwnerChoice, OwnerOptions } from './action-form';

interface ActionEditorProps {
  action: {
    id: number;
    status: ActionStatus;
    dueOn: string | null;
    owner: { userId: number; name: string | null };
  };
  /** People it can be handed to; none: the owner is not changed here. */
  owners?: readonly OwnerChoice[];
  /** A refusal to show from the start (see useFormProblems). */
  initialError?: unknown;
}

const NOTE_HINT = 'Optional: what was done, or why the date or owner changed.';

/**
 * Moves an action on: its status, due date and owner, with a note of why. Only what changed is sent; the server
 * appends it to the action's history.
 */
export function ActionEditor({ action, owners = [], initialError }: ActionEditorProps) {
  const router = useRouter();
  const ids = { status: useId(), dueOn: useId(), ownerUserId: useId(), note: useId() };
  const { problems, attempt, refuseForm, fail, clear } = useFormProblems(ids, initialError);
  const errors = problems.fields;
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
      // Nothing is wrong with any one field: said once, in the summary, which leads to the first of them.
      refuseForm('Change the status, due date or owner, or write a note.', ids.status);
      return;
    }
    setIsSaving(true);
    clear();
    setSaved(null);
    try {
      await sendJson('PATCH', `/api/actions/${action.id}`, changes);
      // The note is now in the history; the other fields already show the action as it stands.
      const noteField = form.elements.namedItem('note');
      if (noteField instanceof HTMLTextAreaElement) noteField.value = '';
      setSaved('The action has been updated.');
      router.refresh();
    } catch (caught) {
      fail(caught);
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <>
      <ErrorSummary problems={problems.summary} attempt={attempt} />
      <form onSubmit={onSubmit} noValidate className="max-w-3xl">
        <div className="mb-4 flex flex-wrap gap-6">
          <SelectField
            id={ids.status}
            label="Status"
            error={errors.status}
            name="status"
            defaultValue={action.status}
          >
            {(Object.keys(ACTION_STATUS_LABELS) as ActionStatus[]).map((status) => (
              <option key={status} value={status}>
                {ACTION_STATUS_LABELS[status]}
              </option>
            ))}
          </SelectField>
          <InputField
            id={ids.dueOn}
            label="Due"
            error={errors.dueOn}
            name="dueOn"
            type="date"
            defaultValue={action.dueOn ?? ''}
          />
          {owners.length > 0 && (
            <SelectField
              id={ids.ownerUserId}
              label="Owner"
              error={errors.ownerUserId}
              name="ownerUserId"
              defaultValue={String(action.owner.userId)}
            >
              <OwnerOptions owners={ownerChoices} />
            </SelectField>
          )}
        </div>
        <Field id={ids.note} label="Note" hint={NOTE_HINT} error={errors.note} className="mb-4">
          <textarea
            id={ids.note}
            name="note"
            rows={3}
            maxLength={2000}
            {...describedBy(ids.note, { hint: NOTE_HINT, error: errors.note })}
            className="w-full rounded-none border-2 border-nhs-black p-2 text-[1.1875rem]"
          />
        </Field>
        <Button type="submit" disabled={isSaving}>
          {isSaving ? 'Saving…' : 'Save the changes'}
        </Button>
        <p role="status" className="mt-4 empty:hidden">
          {saved}
        </p>
      </form>
    </>
  );
}
