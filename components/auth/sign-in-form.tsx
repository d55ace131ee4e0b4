'use client';

import { signIn } from 'next-auth/react';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { classNames } from '@/components/ui/class-names';
import { ErrorMessage, Label, TextInput } from '@/components/ui/form';
import { SecondaryButton } from '@/components/ui/secondary-button';
import { describeSignInProblem, parseSignInError } from './sign-in-errors';

interface SignInFormProps {
  /** A path on this site (already checked) to go to once signed in. */
  callbackPath: string;
  /** An error code next-auth put in the URL (single sign-on comes back that way). */
  initialErrorCode: string | null;
  isSsoEnabled: boolean;
}

type Field = 'email' | 'password';

interface Problems {
  /** The summary's lines, each linked to its field when there is one. */
  summary: { message: string; field?: Field }[];
  fields: Partial<Record<Field, string>>;
}

const NO_PROBLEMS: Problems = { summary: [], fields: {} };

function problemsFromCode(code: string | null | undefined): Problems {
  const problem = parseSignInError(code);
  if (!problem) return NO_PROBLEMS;
  const message = describeSignInProblem(problem);
  // A wrong email or password is the password field's problem; a lock or a refused sign-on is nobody's field.
  if (problem.kind === 'invalid-credentials') {
    return { summary: [{ message, field: 'password' }], fields: { password: message } };
  }
  return { summary: [{ message }], fields: {} };
}

/**
 * The sign-in form, NHS style: an error summary that takes focus and links to each field at fault, errors read
 * out with their field (aria-describedby), then on to the page asked for.
 */
export function SignInForm({ callbackPath, initialErrorCode, isSsoEnabled }: SignInFormProps) {
  const [problems, setProblems] = useState<Problems>(() => problemsFromCode(initialErrorCode));
  const [pending, setPending] = useState<'password' | 'sso' | null>(null);
  const [attempt, setAttempt] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const summaryTitleId = useId();

  // Each new set of problems (including one brought back in the URL) moves focus to the summary.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` marks a new round of problems.
  useEffect(() => {
    if (problems.summary.length > 0) summaryRef.current?.focus();
  }, [problems, attempt]);

  async function handlePasswordSignIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const fields: Problems['fields'] = {};
    if (!email) fields.email = 'Enter your email address';
    if (!password) fields.password = 'Enter your password';
    if (fields.email || fields.password) {
      setProblems({
        summary: (['email', 'password'] as const).flatMap((field) =>
          fields[field] ? [{ message: fields[field], field }] : [],
        ),
        fields,
      });
      setAttempt((count) => count + 1);
      return;
    }

    setPending('password');
    let errorCode: string | null | undefined;
    try {
      const result = await signIn('credentials', {
        email,
        password,
        redirect: false,
        callbackUrl: callbackPath,
      });
      errorCode = result?.ok && !result.error ? null : (result?.error ?? 'Unknown');
    } catch {
      errorCode = 'Unknown';
    }
    if (errorCode === null) {
      // A full load, so that the server renders the page with the new session.
      window.location.assign(callbackPath);
      return;
    }
    setPending(null);
    if (passwordRef.current) passwordRef.current.value = '';
    setProblems(problemsFromCode(errorCode));
    setAttempt((count) => count + 1);
  }

  async function handleSsoSignIn() {
    setPending('sso');
    // next-auth sends the browser to Microsoft and back to /api/auth/callback/azure-ad, then to callbackPath.
    await signIn('azure-ad', { callbackUrl: callbackPath });
  }

  const describedBy = (field: Field) => (problems.fields[field] ? `${field}-error` : undefined);

  return (
    <div>
      {problems.summary.length > 0 && (
        <div
          ref={summaryRef}
          tabIndex={-1}
          role="alert"
          aria-labelledby={summaryTitleId}
          className="mb-8 border-4 border-nhs-red bg-nhs-white p-6 focus:outline-4 focus:outline-nhs-yellow"
        >
          <h2 id={summaryTitleId} className="mb-4 text-[1.5rem] leading-tight font-bold">
            There is a problem
          </h2>
          <ul className="space-y-2">
            {problems.summary.map(({ message, field }) => (
              <li key={message} className="font-bold text-nhs-red">
                {field ? (
                  <a
                    href={`#${field}`}
                    className="text-nhs-red"
                    onClick={(event) => {
                      // Move focus into the field, not just the scroll position.
                      event.preventDefault();
                      document.getElementById(field)?.focus();
                    }}
                  >
                    {message}
                  </a>
                ) : (
                  message
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      {isSsoEnabled && (
        <section aria-labelledby="sso-heading" className="mb-10">
          <h2 id="sso-heading" className="mb-3 text-[1.5rem] leading-tight font-bold">
            With your NHS Microsoft account
          </h2>
          <p className="mb-4">Use the account you sign in to your computer and email with.</p>
          <SecondaryButton onClick={handleSsoSignIn} disabled={pending !== null}>
            {pending === 'sso' ? 'Going to Microsoft…' : 'Sign in with Microsoft'}
          </SecondaryButton>
        </section>
      )}

      <section aria-labelledby={isSsoEnabled ? 'password-heading' : undefined}>
        {isSsoEnabled && (
          <h2 id="password-heading" className="mb-3 text-[1.5rem] leading-tight font-bold">
            With an email address and password
          </h2>
        )}
        <form
          noValidate
          onSubmit={handlePasswordSignIn}
          aria-labelledby={isSsoEnabled ? 'password-heading' : undefined}
          aria-label={isSsoEnabled ? undefined : 'Sign in with an email address and password'}
        >
          <div className={classNames('mb-6', problems.fields.email && 'border-l-4 border-nhs-red pl-4')}>
            <Label htmlFor="email">Email address</Label>
            {problems.fields.email && <ErrorMessage id="email-error">{problems.fields.email}</ErrorMessage>}
            <TextInput
              id="email"
              name="email"
              type="email"
              autoComplete="username"
              spellCheck={false}
              aria-invalid={problems.fields.email ? true : undefined}
              aria-describedby={describedBy('email')}
              className={classNames(problems.fields.email && 'border-nhs-red!')}
            />
          </div>
          <div className={classNames('mb-8', problems.fields.password && 'border-l-4 border-nhs-red pl-4')}>
            <Label htmlFor="password">Password</Label>
            {problems.fields.password && (
              <ErrorMessage id="password-error">{problems.fields.password}</ErrorMessage>
            )}
            <TextInput
              ref={passwordRef}
              id="password"
              name="password"
              type="password"
              autoComplete="current-password"
              aria-invalid={problems.fields.password ? true : undefined}
              aria-describedby={describedBy('password')}
              className={classNames(problems.fields.password && 'border-nhs-red!')}
            />
          </div>
          <Button type="submit" disabled={pending !== null}>
            {pending === 'password' ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
      </section>
    </div>
  );
}
