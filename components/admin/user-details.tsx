'use client';

import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { InputField } from '@/components/ui/field';
import { type FormProblems, NO_PROBLEMS, problemsFromError, problemsOf } from '@/components/ui/form-problems';
import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';
import { SummaryList } from '@/components/ui/summary-list';
import { useAdminUpdateUser } from '@/lib/client/hooks/use-admin-update-user';
import { type AdminUser, updateUserRequestSchema } from '@/lib/shared/schemas/admin';
import { formatAdminTime } from './labels';
import { StatusMessage } from './status-message';
import { UserStatus } from './user-status';

const FIELD_IDS = { name: 'user-name' };

/** The user's account at a glance, and their name to correct. */
export function UserDetails({ user }: { user: AdminUser }) {
  const updateUser = useAdminUpdateUser(user.id);
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [attempt, setAttempt] = useState(0);
  const [savedName, setSavedName] = useState<string | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get('name') ?? '');
    setAttempt((count) => count + 1);
    setSavedName(null);
    const parsed = updateUserRequestSchema.safeParse({ name });
    if (!parsed.success) {
      setProblems(problemsOf({ name: parsed.error.issues[0]?.message ?? 'Enter a name' }, FIELD_IDS));
      return;
    }
    setProblems(NO_PROBLEMS);
    updateUser.mutate(parsed.data, {
      onSuccess: (saved) => setSavedName(saved.name),
      onError: (error) => setProblems(problemsFromError(error, FIELD_IDS)),
    });
  }

  return (
    <Panel aria-labelledby="details-heading">
      <SectionHeading id="details-heading">Account</SectionHeading>
      <SummaryList
        items={[
          { key: 'email', label: 'Email address', value: user.email },
          { key: 'status', label: 'Status', value: <UserStatus user={user} /> },
          {
            key: 'password',
            label: 'Signs in with',
            value: user.hasPassword ? 'A password (or single sign-on)' : 'Single sign-on only (no password)',
          },
          {
            key: 'last-sign-in',
            label: 'Last sign-in',
            value: user.lastSignInAt ? formatAdminTime(user.lastSignInAt) : 'Never',
          },
          { key: 'created', label: 'Created', value: formatAdminTime(user.createdAt) },
        ]}
      />
      <h3 className="mb-4 text-[1.375rem] font-bold">Change the name</h3>
      {savedName && (
        <StatusMessage>
          <p>The name is now {savedName}.</p>
        </StatusMessage>
      )}
      <ErrorSummary problems={problems.summary} attempt={attempt} />
      <form noValidate onSubmit={handleSubmit} aria-label="Change the name" className="max-w-3xl">
        <InputField
          id={FIELD_IDS.name}
          fieldClassName="mb-6"
          name="name"
          label="Full name"
          defaultValue={user.name}
          autoComplete="off"
          error={problems.fields.name}
        />
        <Button type="submit" disabled={updateUser.isPending}>
          {updateUser.isPending ? 'Saving…' : 'Save name'}
        </Button>
      </form>
    </Panel>
  );
}
