'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { InputField, SelectField } from '@/components/ui/field';
import { useFormProblems } from '@/components/ui/form-problems';
import { sendJson } from '@/lib/client/api-client';

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
  /** A refusal to show from the start (see useFormProblems). */
  initialError?: unknown;
}

/** The people an action can be given to, as a select's options: each by name and role. */
export function OwnerOptions({ owners }: { owners: readonly OwnerChoice[] }) {
  return owners.map((owner) => (
    <option key={owner.userId} value={owner.userId}>
      {owner.name} ({owner.role})
    </option>
  ));
}

/** On a slide, the form's words at the projector's type size. */
const SLIDE_TYPE =
  '[&_button]:text-[1.5rem] [&_input]:text-[1.5rem] [&_label]:text-[1.5rem] [&_select]:text-[1.5rem] [&_p]:text-[1.5rem] [&_a]:text-[1.5rem]';

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
  initialError,
}: ActionFormProps) {
  const router = useRouter();
  const ids = {
    title: useId(),
    ownerUserId: useId(),
    consultantId: useId(),
    dueOn: useId(),
    metricId: useId(),
  };
  const { problems, attempt, refuse, fail, clear } = useFormProblems(ids, initialError);
  const errors = problems.fields;
  const [saved, setSaved] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const title = String(data.get('title') ?? '').trim();
    const field = (name: string) => String(data.get(name) ?? '');
    if (!title) {
      refuse({ title: 'Write what the action is.' });
      return;
    }
    setIsSaving(true);
    clear();
    setSaved(null);
    try {
      await sendJson('POST', '/api/actions', {
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
      fail(caught);
    } finally {
      setIsSaving(false);
    }
  }

  return (
    <div className={isOnSlide ? SLIDE_TYPE : undefined}>
      <ErrorSummary problems={problems.summary} attempt={attempt} />
      <form onSubmit={onSubmit} className="mt-6 flex flex-wrap items-end gap-x-6 gap-y-4" noValidate>
        <InputField
          id={ids.title}
          label="New action"
          error={errors.title}
          fieldClassName="min-w-[16rem] flex-[2]"
          name="title"
          maxLength={300}
        />
        {owners.length > 0 && (
          <SelectField
            id={ids.ownerUserId}
            label="Owner"
            error={errors.ownerUserId}
            name="ownerUserId"
            defaultValue=""
          >
            <option value="">Me</option>
            <OwnerOptions owners={owners} />
          </SelectField>
        )}
        {consultants.length > 0 && (
          <SelectField
            id={ids.consultantId}
            label="About"
            error={errors.consultantId}
            name="consultantId"
            defaultValue=""
          >
            <option value="">The whole unit</option>
            {consultants.map((consultant) => (
              <option key={consultant.id} value={consultant.id}>
                {consultant.name}
              </option>
            ))}
          </SelectField>
        )}
        <InputField id={ids.dueOn} label="Due" error={errors.dueOn} name="dueOn" type="date" />
        {metrics.length > 0 && (
          <SelectField
            id={ids.metricId}
            label="Figure it addresses"
            error={errors.metricId}
            name="metricId"
            defaultValue=""
          >
            <option value="">None in particular</option>
            {metrics.map((metric) => (
              <option key={metric.id} value={metric.id}>
                {metric.label}
              </option>
            ))}
          </SelectField>
        )}
        <Button type="submit" disabled={isSaving}>
          {isSaving ? 'Saving…' : 'Add action'}
        </Button>
        <p role="status" className="basis-full empty:hidden">
          {saved}
        </p>
      </form>
    </div>
  );
}
