'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';
import { useAdminUpdateUser } from '@/lib/client/hooks/use-admin-update-user';
import type { AdminUser } from '@/lib/shared/schemas/admin';
import { StatusMessage } from './status-message';
import { WarningButton } from './warning-button';

/** Deactivates (signs out at once, keeps the history) or reactivates the account. */
export function AccountStatus({ user, isSelf }: { user: AdminUser; isSelf: boolean }) {
  const updateUser = useAdminUpdateUser(user.id);
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  function setActive(isActive: boolean) {
    setMessage(null);
    setProblem(null);
    setAttempt((count) => count + 1);
    updateUser.mutate(
      { isActive },
      {
        onSuccess: (saved) =>
          setMessage(
            saved.isActive
              ? `${saved.name}'s account is active again.`
              : `${saved.name}'s account is deactivated: they are signed out and cannot sign in.`,
          ),
        onError: (error) => setProblem(error.message),
      },
    );
  }

  return (
    <Panel aria-labelledby="status-heading">
      <SectionHeading id="status-heading">
        {user.isActive ? 'Deactivate the account' : 'Reactivate the account'}
      </SectionHeading>
      {message && (
        <StatusMessage>
          <p>{message}</p>
        </StatusMessage>
      )}
      <ErrorSummary problems={problem ? [{ message: problem }] : []} attempt={attempt} />
      {isSelf ? (
        <p className="max-w-3xl">This is your own account: another administrator must deactivate it.</p>
      ) : user.isActive ? (
        <>
          <p className="mb-6 max-w-3xl">
            {user.name} is signed out at once and cannot sign in, by password or single sign-on. Their roles
            and their history in the audit log are kept, so the account can be reactivated.
          </p>
          <WarningButton onClick={() => setActive(false)} disabled={updateUser.isPending}>
            Deactivate {user.name}
          </WarningButton>
        </>
      ) : (
        <>
          <p className="mb-6 max-w-3xl">
            {user.name} will be able to sign in again, with the roles they had.
          </p>
          <Button onClick={() => setActive(true)} disabled={updateUser.isPending}>
            Reactivate {user.name}
          </Button>
        </>
      )}
    </Panel>
  );
}
