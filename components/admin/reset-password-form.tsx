'use client';

import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { InputField } from '@/components/ui/field';
import { Fieldset, Radio } from '@/components/ui/form';
import { type FormProblems, NO_PROBLEMS, problemsFromError, problemsOf } from '@/components/ui/form-problems';
import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';
import { useAdminResetPassword } from '@/lib/client/hooks/use-admin-reset-password';
import {
  type AdminUser,
  PASSWORD_MIN_LENGTH,
  type ResetPasswordRequest,
  resetPasswordRequestSchema,
  type UserWithPasswordResponse,
} from '@/lib/shared/schemas/admin';
import { OneTimeSecret } from './one-time-secret';
import { StatusMessage } from './status-message';

const FIELD_IDS = { password: 'reset-password', mode: 'reset-mode-generate' };

/** Sets a new password or generates one (shown once); the old one stops working and any lockout is lifted. */
export function ResetPasswordForm({ user }: { user: AdminUser }) {
  const resetPassword = useAdminResetPassword(user.id);
  const [mode, setMode] = useState<ResetPasswordRequest['mode']>('generate');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [attempt, setAttempt] = useState(0);
  const [result, setResult] = useState<UserWithPasswordResponse | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const password = String(new FormData(form).get('password') ?? '');
    setAttempt((count) => count + 1);
    setResult(null);
    const parsed = resetPasswordRequestSchema.safeParse(mode === 'set' ? { mode, password } : { mode });
    if (!parsed.success) {
      setProblems(problemsOf({ password: parsed.error.issues[0]?.message ?? 'Enter a password' }, FIELD_IDS));
      return;
    }
    setProblems(NO_PROBLEMS);
    resetPassword.mutate(parsed.data, {
      onSuccess: (saved) => {
        setResult(saved);
        form.reset();
        setMode('generate');
      },
      onError: (error) => setProblems(problemsFromError(error, FIELD_IDS)),
    });
  }

  return (
    <Panel aria-labelledby="password-heading">
      <SectionHeading id="password-heading">Reset the password</SectionHeading>
      <p className="mb-6 max-w-3xl">
        {user.hasPassword
          ? `${user.name}'s current password stops working at once. A locked account is unlocked.`
          : `${user.name} has no password and signs in with single sign-on only; a password lets them sign in with it too.`}
      </p>
      {result &&
        (result.generatedPassword ? (
          <OneTimeSecret
            secretLabel="Password"
            title={`New password for ${user.name}`}
            secret={result.generatedPassword}
          >
            <p>
              Give it to {user.name} in person or by another secure route, never by email to the same address.
            </p>
          </OneTimeSecret>
        ) : (
          <StatusMessage>
            <p>The new password is set.</p>
          </StatusMessage>
        ))}
      <ErrorSummary problems={problems.summary} attempt={attempt} />
      <form noValidate onSubmit={handleSubmit} aria-labelledby="password-heading" className="max-w-3xl">
        <Fieldset legend="New password" isLegendHidden>
          <Radio
            id={FIELD_IDS.mode}
            name="mode"
            value="generate"
            checked={mode === 'generate'}
            onChange={() => setMode('generate')}
            label="Generate a new password"
            hint="A random password, shown to you once."
          />
          <Radio
            id="reset-mode-set"
            name="mode"
            value="set"
            checked={mode === 'set'}
            onChange={() => setMode('set')}
            label="Set a new password"
          />
          {mode === 'set' && (
            <div className="mb-3 ml-10">
              <InputField
                id={FIELD_IDS.password}
                fieldClassName="mb-6"
                name="password"
                type="password"
                label="New password"
                hint={`At least ${PASSWORD_MIN_LENGTH} characters.`}
                autoComplete="new-password"
                error={problems.fields.password}
              />
            </div>
          )}
        </Fieldset>
        <Button type="submit" disabled={resetPassword.isPending}>
          {resetPassword.isPending ? 'Resetting…' : 'Reset password'}
        </Button>
      </form>
    </Panel>
  );
}
