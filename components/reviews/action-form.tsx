'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorMessage, Label, Select, TextInput } from '@/components/ui/form';
import { sendJson } from './review-fetch';

/** What a new action is linked to: the meeting it was agreed in, or the view it was made on. */
export interface ActionLink {
  meetingId?: number;
  divisionId?: number;
  specialtyId?: number;
  consultantId?: number;
}

export interface OwnerChoice {
  userId: number;
  name: string;
  role: string;
}

interface ActionFormProps {
  link: ActionLink;
  /** Others the action can be given to (the caller is "Me"); none: it is the caller's own. */
  owners?: readonly OwnerChoice[];
  /** Consultants of the unit it may be about (in a meeting of the unit, named); none: no choice offered. */
  consultants?: readonly { id: number; name: string }[];
  /** Figures the action may address (the metric registry's ids and labels); none: no choice offered. */
  metrics?: readonly { id: string; label: string }[];
  /** On a meeting's slide: the projector's type size. */
  isOnSlide?: boolean;
}

/**
 * Agrees a new action — in a review meeting or on any view — with its owner (the caller unless they choose someone
 * in the unit), due date and the figure it addresses. The server checks the caller may act on what it is linked to.
 */
export function ActionForm({
  link,
  owners = [],
  consultants = [],
  metrics = [],
  isOnSlide = false,
}: ActionFormProps) {
  const router = useRouter();
  const ids = {
    title: useId(),
    owner: useId(),
    about: useId(),
    due: useId(),
    metric: useId(),
    error: useId(),
  };
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const title = String(data.get('title') ?? '').trim();
    const field = (name: string) => String(data.get(name) ?? '');
    if (!title) {
      setError('Write what the action is.');
      return;
    }
    setIsSaving(true);
    setError(null);
    setSaved(null);
    try {
      await sendJson('/api/actions', 'POST', {
        title,
        ...link,
        ...(field('ownerUserId') ? { ownerUserId: Number(field('ownerUserId')) } : {}),
        ...(field('consultantId') ? { consultantId: Number(field('consultantId')) } : {}),
        ...(field('dueOn') ? { dueOn: field('dueOn') } : {}),
        ...(field('metricId') ? { metricId: field('metricId') } : {}),
      });
      form.reset();
      setSaved(`Action added: ${title}`);
      router.refresh();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The action could not be saved.');
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <form
      onSubmit={onSubmit}
      className={`mt-6 flex flex-wrap items-end gap-x-6 gap-y-4 ${
        isOnSlide
          ? '[&_button]:text-[1.5rem] [&_input]:text-[1.5rem] [&_label]:text-[1.5rem] [&_select]:text-[1.5rem]'
          : ''
      }`}
      noValidate
    >
      <div className="min-w-[16rem] flex-[2]">
        <Label htmlFor={ids.title}>New action</Label>
        <TextInput
          id={ids.title}
          name="title"
          maxLength={300}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? ids.error : undefined}
        />
      </div>
      {owners.length > 0 && (
        <div>
          <Label htmlFor={ids.owner}>Owner</Label>
          <Select id={ids.owner} name="ownerUserId" defaultValue="">
            <option value="">Me</option>
            {owners.map((owner) => (
              <option key={owner.userId} value={owner.userId}>
                {owner.name} ({owner.role})
              </option>
            ))}
          </Select>
        </div>
      )}
      {consultants.length > 0 && (
        <div>
          <Label htmlFor={ids.about}>About</Label>
          <Select id={ids.about} name="consultantId" defaultValue="">
            <option value="">The whole unit</option>
            {consultants.map((consultant) => (
              <option key={consultant.id} value={consultant.id}>
                {consultant.name}
              </option>
            ))}
          </Select>
        </div>
      )}
      <div>
        <Label htmlFor={ids.due}>Due</Label>
        <TextInput id={ids.due} name="dueOn" type="date" />
      </div>
      {metrics.length > 0 && (
        <div>
          <Label htmlFor={ids.metric}>Figure it addresses</Label>
          <Select id={ids.metric} name="metricId" defaultValue="">
            <option value="">None in particular</option>
            {metrics.map((metric) => (
              <option key={metric.id} value={metric.id}>
                {metric.label}
              </option>
            ))}
          </Select>
        </div>
      )}
      <Button type="submit" disabled={isSaving}>
        {isSaving ? 'Saving…' : 'Add action'}
      </Button>
      {error && (
        <ErrorMessage id={ids.error} className="basis-full">
          {error}
        </ErrorMessage>
      )}
      <p role="status" className="basis-full empty:hidden">
        {saved}
      </p>
    </form>
  );
}
