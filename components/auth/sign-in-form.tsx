'use client';

import { signIn } from 'next-auth/react';
import { type FormEvent, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { ErrorSummary } from '@/components/ui/error-summary';
import { InputField } from '@/components/ui/field';
import { type FormProblems, NO_PROBLEMS, problemsOf } from '@/components/ui/form-problems';
import { SecondaryButton } from '@/components/ui/secondary-button';
import { describeSignInProblem, parseSignInError } from './sign-in-errors';

interface SignInFormProps {
  /** A path on this site (already checked) to go to once signed in. */
  callbackPath: string;
  /** An error code next-auth put in the URL (single sign-on comes back that way). */
  initialErrorCode: string | null;
  isSsoEnabled: boolean;
}

/** The inputs' ids, by field name: the error summary links to them. */
const FIELD_IDS = { email: 'email', password: 'password' };

function problemsFromCode(code: string | null | undefined): FormProblems {
  const problem = parseSignInError(code);
  if (!problem) return NO_PROBLEMS;
  const message = describeSignInProblem(problem);
  // A wrong email or password is the password field's problem; a lock or a refused sign-on is nobody's field.
  if (problem.kind === 'invalid-credentials') return problemsOf({ password: message }, FIELD_IDS);
  return { summary: [{ message }], fields: {} };
}

/**
 * The sign-in form, NHS style: an error summary that takes focus and links to each field at fault, errors read
 * out with their field (aria-describedby), then on to the page asked for.
 */
export function SignInForm({ callbackPath, initialErrorCode, isSsoEnabled }: SignInFormProps) {
  const [problems, setProblems] = useState<FormProblems>(() => problemsFromCode(initialErrorCode));
  // Changes with each refusal, so that the summary takes focus again when the same problem comes back.
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState<'password' | 'sso' | null>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  async function handlePasswordSignIn(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    const fields: Record<string, string> = {};
    if (!email) fields.email = 'Enter your email address';
    if (!password) fields.password = 'Enter your password';
    if (Object.keys(fields).length > 0) {
      setProblems(problemsOf(fields, FIELD_IDS));
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

  return (
    <div>
      <ErrorSummary problems={problems.summary} attempt={attempt} />

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
          <InputField
            id={FIELD_IDS.email}
            name="email"
            type="email"
            label="Email address"
            autoComplete="username"
            spellCheck={false}
            error={problems.fields.email}
            fieldClassName="mb-6"
          />
          <InputField
            ref={passwordRef}
            id={FIELD_IDS.password}
            name="password"
            type="password"
            label="Password"
            autoComplete="current-password"
            error={problems.fields.password}
            fieldClassName="mb-8"
          />
          <Button type="submit" disabled={pending !== null}>
            {pending === 'password' ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
      </section>
    </div>
  );
}
