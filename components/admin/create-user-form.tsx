'use client';

import Link from 'next/link';
import { type FormEvent, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { InputField } from '@/components/ui/field';
import { Fieldset, Radio } from '@/components/ui/form';
import { type FormProblems, NO_PROBLEMS, problemsFromError, problemsOf } from '@/components/ui/form-problems';
import { SectionHeading } from '@/components/ui/heading';
import { Panel } from '@/components/ui/panel';
import { useAdminCreateUser } from '@/lib/client/hooks/use-admin-create-user';
import {
  type CreateUserRequest,
  createUserRequestSchema,
  PASSWORD_MIN_LENGTH,
  type UserWithPasswordResponse,
} from '@/lib/shared/schemas/admin';
import { OneTimeSecret } from './one-time-secret';
import { StatusMessage } from './status-message';

type PasswordChoice = 'generate' | 'set' | 'none';

const FIELD_IDS = {
  name: 'new-user-name',
  email: 'new-user-email',
  password: 'new-user-password',
  generatePassword: 'new-user-password-generate',
};

/** Creates a user: name, email and how they will sign in; a generated password is shown once. */
export function CreateUserForm() {
  const createUser = useAdminCreateUser();
  const [passwordChoice, setPasswordChoice] = useState<PasswordChoice>('generate');
  const [problems, setProblems] = useState<FormProblems>(NO_PROBLEMS);
  const [attempt, setAttempt] = useState(0);
  const [created, setCreated] = useState<UserWithPasswordResponse | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input: CreateUserRequest = {
      name: String(data.get('name') ?? ''),
      email: String(data.get('email') ?? ''),
      ...(passwordChoice === 'set' ? { password: String(data.get('password') ?? '') } : {}),
      ...(passwordChoice === 'generate' ? { generatePassword: true } : {}),
    };
    setAttempt((count) => count + 1);
    const parsed = createUserRequestSchema.safeParse(input);
    if (!parsed.success) {
      const fields: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '');
        fields[field] ??= issue.message;
      }
      setProblems(problemsOf(fields, FIELD_IDS));
      return;
    }
    setProblems(NO_PROBLEMS);
    setCreated(null);
    createUser.mutate(parsed.data, {
      onSuccess: (result) => {
        setCreated(result);
        form.reset();
        setPasswordChoice('generate');
      },
      onError: (error) => setProblems(problemsFromError(error, FIELD_IDS)),
    });
  }

  return (
    <Panel aria-labelledby="create-user-heading">
      <SectionHeading id="create-user-heading">Create a user</SectionHeading>
      {created && (
        <>
          {created.generatedPassword ? (
            <OneTimeSecret
              secretLabel="Password"
              title={`Password for ${created.user.name}`}
              secret={created.generatedPassword}
            >
              <p>
                {created.user.name} ({created.user.email}) has been created. Give them this password in person
                or by another secure route, never by the same email as their address.
              </p>
            </OneTimeSecret>
          ) : (
            <StatusMessage>
              <p>
                <strong>{created.user.name}</strong> ({created.user.email}) has been created.
              </p>
            </StatusMessage>
          )}
          <p className="mb-8">
            <Link href={`/admin/users/${created.user.id}`}>Give {created.user.name} a role</Link>: until then
            they can sign in but see nothing.
          </p>
        </>
      )}
      <ErrorSummary problems={problems.summary} attempt={attempt} />
      <form noValidate onSubmit={handleSubmit} aria-labelledby="create-user-heading" className="max-w-3xl">
        <InputField
          id={FIELD_IDS.name}
          fieldClassName="mb-6"
          name="name"
          label="Full name"
          autoComplete="off"
          error={problems.fields.name}
        />
        <InputField
          id={FIELD_IDS.email}
          fieldClassName="mb-6"
          name="email"
          type="email"
          label="Email address"
          hint="Their NHS email address. For single sign-on it must match their Microsoft account."
          autoComplete="off"
          spellCheck={false}
          error={problems.fields.email}
        />
        <Fieldset legend="How will they sign in?">
          <Radio
            id={FIELD_IDS.generatePassword}
            name="passwordChoice"
            value="generate"
            checked={passwordChoice === 'generate'}
            onChange={() => setPasswordChoice('generate')}
            label="Generate a password for me to pass on"
            hint="A random password, shown once when the user is created."
          />
          <Radio
            id="new-user-password-set"
            name="passwordChoice"
            value="set"
            checked={passwordChoice === 'set'}
            onChange={() => setPasswordChoice('set')}
            label="Set a password now"
          />
          {passwordChoice === 'set' && (
            <div className="mb-3 ml-10">
              <InputField
                id={FIELD_IDS.password}
                fieldClassName="mb-6"
                name="password"
                type="password"
                label="Initial password"
                hint={`At least ${PASSWORD_MIN_LENGTH} characters. A few unrelated words make a strong password.`}
                autoComplete="new-password"
                error={problems.fields.password}
              />
            </div>
          )}
          <Radio
            id="new-user-password-none"
            name="passwordChoice"
            value="none"
            checked={passwordChoice === 'none'}
            onChange={() => setPasswordChoice('none')}
            label="No password: single sign-on only"
            hint="They sign in with their NHS Microsoft account."
          />
        </Fieldset>
        <Button type="submit" disabled={createUser.isPending}>
          {createUser.isPending ? 'Creating the user…' : 'Create user'}
        </Button>
      </form>
    </Panel>
  );
}
